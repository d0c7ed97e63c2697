import { getTranslations } from "next-intl/server";
import type { SpeakerAppearance } from "@/db/queries/speakers";
import { Link } from "@/i18n/navigation";
import { editionName, editionPrefix, formatEditionDates } from "@/lib/edition";
import { pick } from "@/lib/localized";
import { formatDay, formatTimeRange, offsetLabel, zonedDate } from "@/lib/time";

/** A speaker's sessions, grouped by edition (latest first), each at its edition's address and in its zone. */
export async function SpeakerSessions({ appearances, locale }: { appearances: SpeakerAppearance[]; locale: string }) {
  const editions = await getTranslations("editions");
  const roles = await getTranslations("roles");
  const agenda = await getTranslations("agenda");
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
          {group.map(({ session: s, role }) => (
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
            </li>
          ))}
        </ul>
      </section>
    );
  });
}
