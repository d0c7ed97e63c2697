import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getEvent } from "@/db/queries/event";
import { listPublicSessions, listRooms, listTracks } from "@/db/queries/sessions";
import { sessionTypes } from "@/lib/sessions/kinds";
import { pageMetadata } from "@/i18n/metadata";
import { Link } from "@/i18n/navigation";
import { daysOf, editionName } from "@/lib/edition";
import { daysBetween, formatDay, offsetLabel, zonedToInstant } from "@/lib/time";
import { AgendaExplorer } from "@/components/agenda/agenda-explorer";

export async function generateMetadata({ params }: PageProps<"/[locale]/agenda">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "agenda" });
  const event = getEvent();
  return pageMetadata({ locale, path: "/agenda", title: t("title"), description: t("description", { name: editionName(event, locale), days: daysOf(event).length }) });
}

export default async function AgendaPage({ params }: PageProps<"/[locale]/agenda">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("agenda");
  const changes = await getTranslations("agendaChanges");
  const event = getEvent();
  const days = daysBetween(event.startDate, event.endDate).map((date) => ({
    date,
    label: formatDay(date, locale, "short"),
    longLabel: formatDay(date, locale),
  }));
  const sessions = listPublicSessions();
  const usedTypes = sessionTypes.filter((type) => sessions.some((s) => s.type === type));
  const data = {
    sessions,
    days,
    rooms: listRooms().map(({ slug, nameEn, nameZh }) => ({ slug, nameEn, nameZh })),
    tracks: listTracks().map(({ slug, nameEn, nameZh, color }) => ({ slug, nameEn, nameZh, color })),
    types: usedTypes,
    timeZone: event.timeZone,
    offset: offsetLabel(zonedToInstant(event.startDate, "12:00", event.timeZone), event.timeZone),
  };

  return (
    <div>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">
        {t("forumTime", { offset: data.offset })} {t("illustrative")}
      </p>
      <p className="mt-1">
        <Link href="/agenda/changes" className="font-medium text-brand-700 underline">
          {changes("linkFromAgenda")}
        </Link>
      </p>
      {/* The unfiltered first day is in the HTML; the browser then applies the query string. */}
      <AgendaExplorer data={data} />
    </div>
  );
}
