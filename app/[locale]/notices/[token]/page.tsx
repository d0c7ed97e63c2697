import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { findByNoticesToken } from "@/db/queries/change-notices";
import { editionById } from "@/db/queries/event";
import { editionName } from "@/lib/edition";
import { isManageToken } from "@/lib/registration/codes";
import { stopNoticesAction } from "./actions";

type Props = PageProps<"/[locale]/notices/[token]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "changeNotices" });
  // A private page: never indexed, and its address never sent onwards as a referrer.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/**
 * Where a change notice's stop link leads. Opening it changes nothing (mail scanners open links):
 * the person presses the button.
 */
export default async function StopNoticesPage({ params, searchParams }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const reg = isManageToken(token) ? findByNoticesToken(token) : undefined;
  const event = reg && editionById(reg.eventId);
  if (!reg || !event) notFound();
  const t = await getTranslations("changeNotices");
  const query = await searchParams;
  const off = reg.changeNoticesOffAt !== null;
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {query.error === "rateLimited" && (
        <p role="alert" className="rounded-md bg-red-50 px-4 py-3 text-red-900">
          {t("rateLimited")}
        </p>
      )}
      {off ? (
        <p role="status" className="rounded-xl border border-green-300 bg-green-50 p-4 text-green-900">
          {query.stopped === "1" ? t("stopped") : t("alreadyOff")}
        </p>
      ) : (
        <>
          <p className="text-slate-700">{t("intro", { name: reg.fullName, forum: editionName(event, locale) })}</p>
          <form action={stopNoticesAction.bind(null, token, locale)}>
            <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
              {t("stop")}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
