import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { verifyCertificate } from "@/db/queries/certificates";
import { normaliseVerificationCode } from "@/lib/certificates/code";
import { editionValues } from "@/lib/edition";
import { formatDay } from "@/lib/time";

type Props = PageProps<"/[locale]/verify/[code]">;

// Read afresh on every request: a certificate stops verifying once its person is erased.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "certificate" });
  return { title: t("verifyTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/**
 * Confirms a certificate of attendance to whoever holds its code: the name, the forum and the
 * days, and nothing else about the person. An unknown code is not found.
 */
export default async function VerifyPage({ params }: Props) {
  const { locale, code: raw } = await params;
  setRequestLocale(locale);
  const code = normaliseVerificationCode(decodeURIComponent(raw));
  const found = code ? verifyCertificate(code) : undefined;
  if (!found) notFound();
  const t = await getTranslations("certificate");
  const forum = editionValues(found.edition, locale);
  const days = new Intl.ListFormat(locale, { type: "conjunction" }).format(found.days.map((d) => formatDay(d, locale, "long")));
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">{t("verifyTitle")}</h1>
      <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 font-semibold text-green-900">
        {t("verifyValid")}
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-xl border border-slate-200 bg-white p-5">
        <dt className="font-semibold text-slate-700">{t("verifyName")}</dt>
        <dd>
          {found.fullName}
          {found.altName && <span className="text-slate-700"> · {found.altName}</span>}
        </dd>
        <dt className="font-semibold text-slate-700">{t("verifyForum")}</dt>
        <dd>{forum.name}</dd>
        <dt className="font-semibold text-slate-700">{t("verifyDays")}</dt>
        <dd>{days}</dd>
      </dl>
      <p className="font-mono text-sm text-slate-600">{code}</p>
    </div>
  );
}
