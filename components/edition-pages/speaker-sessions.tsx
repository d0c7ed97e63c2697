import { getTranslations } from "next-intl/server";
import type { SpeakerAppearance } from "@/db/queries/speakers";
import { Link } from "@/i18n/navigation";
import { editionName, editionPrefix, formatEditionDates } from "@/lib/edition";
import { pick } from "@/lib/localized";
import { VIDEO_HOST_NAMES } from "@/lib/materials/recording";
import { formatFileSize } from "@/lib/materials/slides";
import { formatDay, formatTimeRange, offsetLabel, zonedDate } from "@/lib/time";

/** A speaker's sessions, grouped by edition (latest first), each at its edition's address and in its zone. */
export async function SpeakerSessions({ appearances, locale }: { appearances: SpeakerAppearance[]; locale: string }) {
  const editions = await getTranslations("editions");
  const roles = await getTranslations("roles");
  const agenda = await getTranslations("agenda");
  const materials = await getTranslations("materials.public");
  const groups = new Map<number, SpeakerAppearance[]>();
  for (const a of appearances) groups.set(a.edition.id, [...(groups.get(a.edition.id) ?? []), a]);
  return [...groups.values()].map((group) => {
    const edition = group[0]!.edition;
    const { timeZone } = edition;
    return (
      <section key={edition.id} aria-labelledby={`edition-${edition.id}`} className="mt-4">
        <h3 id={`edition-${edition.id}`} className="text-lg font-semibold">
          {editions("sessionsAt", { name: editionName(edition, locale), dates: formatEditionDates(edition.startDate, edition.endDate, locale) })}
        </h3>
        <ul className="mt-2 space-y-2">
          {group.map(({ session: s, role, materials: m }) => (
            <li key={s.id} className="rounded-lg border border-slate-200 bg-white p-3">
              <Link href={`${editionPrefix(edition)}/sessions/${s.slug}`} className={`font-medium text-brand-700 underline ${s.status === "cancelled" ? "line-through" : ""}`}>
                {pick(locale, s.titleEn, s.titleZh)}
              </Link>
              <p className="text-sm text-slate-700">
                {formatDay(zonedDate(s.startsAt, timeZone), locale, "short")}{" "}
                {formatTimeRange(s.startsAt, s.endsAt, locale, timeZone)} ({offsetLabel(s.startsAt, timeZone)}) ·{" "}
                {roles(role)}
                {s.status === "cancelled" && ` · ${agenda("cancelled")}`}
              </p>
              {(m.slides || m.recording) && (
                <p className="mt-1 flex flex-wrap gap-x-4 text-sm">
                  {m.slides && (
                    <a href={m.slides.url} download className="text-brand-700 underline">
                      {materials("slides")} ({materials("pdfSize", { size: formatFileSize(m.slides.bytes, locale) })})
                    </a>
                  )}
                  {m.recording && (
                    // To the session's player: nothing of a video host loads on this page.
                    <Link href={`${editionPrefix(edition)}/sessions/${s.slug}#recording`} className="text-brand-700 underline">
                      {m.recording.kind === "link"
                        ? materials("watchOn", { host: pick(locale, VIDEO_HOST_NAMES[m.recording.host].en, VIDEO_HOST_NAMES[m.recording.host].zh) })
                        : materials("recording")}
                    </Link>
                  )}
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>
    );
  });
}
