import { getTranslations } from "next-intl/server";
import { formatDay } from "@/lib/time";

type Props = { token: string; locale: string; days: string[] };

/** For someone checked in: their certificate of attendance, as a PDF in both languages. */
export async function CertificatePanel({ token, locale, days }: Props) {
  const t = await getTranslations("certificate");
  const list = new Intl.ListFormat(locale, { type: "conjunction" }).format(days.map((d) => formatDay(d, locale, "date")));
  return (
    <section aria-labelledby="certificate-heading" className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="certificate-heading" className="text-xl font-bold">
        {t("heading")}
      </h2>
      <p className="mt-1 text-slate-700">{t("help", { days: list })}</p>
      {/* A file, not a page: a plain link, so that the browser downloads it. */}
      <a href={`/${locale}/ticket/${token}/certificate.pdf`} download className="mt-3 inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
        {t("download")}
      </a>
    </section>
  );
}
