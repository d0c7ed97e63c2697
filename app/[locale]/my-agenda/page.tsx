import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getEvent } from "@/db/queries/event";
import { listPublicSessions } from "@/db/queries/sessions";
import { pageMetadata } from "@/i18n/metadata";
import { feedbackClosesAt } from "@/lib/feedback/rules";
import { daysBetween, formatDay, offsetLabel, zonedToInstant, zoneName } from "@/lib/time";
import { MyAgenda } from "./_components/my-agenda";
import type { MyAgendaData } from "./_components/types";

export async function generateMetadata({ params }: PageProps<"/[locale]/my-agenda">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "myAgenda" });
  const metadata = await pageMetadata({ locale, path: "/my-agenda", title: t("title"), description: t("description") });
  // The same empty frame for everyone: each visitor's stars fill it in their browser.
  return { ...metadata, robots: { index: false, follow: true } };
}

export default async function MyAgendaPage({ params }: PageProps<"/[locale]/my-agenda">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("myAgenda");
  const agenda = await getTranslations("agenda");
  const event = getEvent();
  const offset = offsetLabel(zonedToInstant(event.startDate, "12:00", event.timeZone), event.timeZone);
  const data: MyAgendaData = {
    // Everything the agenda shows of a session but its abstract, which this page does not show.
    sessions: listPublicSessions().map(({ abstractEn: _en, abstractZh: _zh, ...s }) => s),
    days: daysBetween(event.startDate, event.endDate).map((date) => ({ date, label: formatDay(date, locale) })),
    timeZone: event.timeZone,
    offset,
    feedbackClosesAt: feedbackClosesAt(event).getTime(),
  };

  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">
        {t("description")} {agenda("forumTime", { zone: zoneName(event.timeZone, locale), offset })} {agenda("illustrative")}
      </p>
      <MyAgenda data={data} />
    </div>
  );
}
