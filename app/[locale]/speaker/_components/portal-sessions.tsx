import { getTranslations } from "next-intl/server";
import type { PortalView } from "@/db/queries/speaker-portal";
import { pick } from "@/lib/localized";
import { formatDay, formatTimeRange, offsetLabel, zonedDate } from "@/lib/time";
import { SessionMaterials } from "./session-materials";

/** The speaker's sessions in every edition: time and room as the organizers set them, not editable here. */
export async function PortalSessions({ appearances, locale }: { appearances: PortalView["appearances"]; locale: string }) {
  const t = await getTranslations("speakerPortal.sessions");
  return (
    <section aria-labelledby="portal-sessions" className="mt-8">
      <h2 id="portal-sessions" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("readOnly")}</p>
      {appearances.length === 0 ? (
        <p className="mt-2 text-slate-700">{t("none")}</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {appearances.map((s) => (
            <li key={s.id} className="rounded-lg border border-slate-200 bg-white p-3">
              <p className="font-medium">
                {pick(locale, s.titleEn, s.titleZh)}
                {s.status === "cancelled" && <span className="ml-2 text-sm text-red-800">{t("cancelled")}</span>}
              </p>
              <p className="text-sm text-slate-700">
                {pick(locale, s.edition.nameEn, s.edition.nameZh)} · {formatDay(zonedDate(s.startsAt, s.edition.timeZone), locale, "short")}{" "}
                {formatTimeRange(s.startsAt, s.endsAt, locale, s.edition.timeZone)} ({offsetLabel(s.startsAt, s.edition.timeZone)}) ·{" "}
                {s.roomEn ? t("room", { room: pick(locale, s.roomEn, s.roomZh) }) : t("noRoom")}
              </p>
              <SessionMaterials sessionId={s.id} locale={locale} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
