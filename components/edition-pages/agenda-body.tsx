import { getTranslations } from "next-intl/server";
import { AgendaExplorer } from "@/components/agenda/agenda-explorer";
import { ClientMessages } from "@/components/client-messages";
import type { Event } from "@/db/schema";
import { listPublicSessions, listRooms, listTracks } from "@/db/queries/sessions";
import { Link } from "@/i18n/navigation";
import { editionPrefix } from "@/lib/edition";
import { sessionTypes } from "@/lib/sessions/kinds";
import { daysBetween, formatDay, offsetLabel, zonedToInstant, zoneName } from "@/lib/time";

/**
 * One edition's agenda: at /agenda for the current edition, at /<path>/agenda for any; and each of
 * its days at its own address (/agenda/<day>), which shows that day first.
 */
export async function AgendaBody({ edition, locale, day = null }: { edition: Event; locale: string; day?: string | null }) {
  const t = await getTranslations("agenda");
  const changes = await getTranslations("agendaChanges");
  const prefix = editionPrefix(edition);
  const days = daysBetween(edition.startDate, edition.endDate).map((date) => ({
    date,
    label: formatDay(date, locale, "short"),
    longLabel: formatDay(date, locale),
  }));
  const sessions = listPublicSessions(edition.id);
  const usedTypes = sessionTypes.filter((type) => sessions.some((s) => s.type === type));
  const data = {
    sessions,
    days,
    rooms: listRooms(edition.id).map(({ slug, nameEn, nameZh }) => ({ slug, nameEn, nameZh })),
    tracks: listTracks(edition.id).map(({ slug, nameEn, nameZh, color }) => ({ slug, nameEn, nameZh, color })),
    types: usedTypes,
    timeZone: edition.timeZone,
    offset: offsetLabel(zonedToInstant(edition.startDate, "12:00", edition.timeZone), edition.timeZone),
    prefix,
    archive: !edition.isCurrent,
    pageDay: day,
  };

  return (
    <div>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">
        {t("forumTime", { zone: zoneName(edition.timeZone, locale), offset: data.offset })} {t("illustrative")}
      </p>
      <p className="mt-1">
        <Link href={`${prefix}/agenda/changes`} className="font-medium text-brand-700 underline">
          {changes("linkFromAgenda")}
        </Link>
      </p>
      {/* The unfiltered day (the first, or the address's) is in the HTML; the browser then applies the query string. */}
      <ClientMessages area="agenda">
        <AgendaExplorer data={data} />
      </ClientMessages>
    </div>
  );
}
