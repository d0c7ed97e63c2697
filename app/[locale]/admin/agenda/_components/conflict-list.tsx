"use client";

import { useLocale, useTranslations } from "next-intl";
import type { Conflict } from "@/lib/agenda-editor/conflicts";
import { pick } from "@/lib/localized";

type Props = {
  conflicts: Conflict[];
  speakers: { id: number; nameEn: string; nameZh: string | null }[];
  days: { date: string; label: string }[];
};

/** Conflicts as sentences, the blocking ones first. */
export function ConflictList({ conflicts, speakers, days }: Props) {
  const t = useTranslations("agendaEditor");
  const locale = useLocale();
  const sorted = [...conflicts].sort((a, b) => Number(b.blocking) - Number(a.blocking));
  const text = (c: Conflict) => {
    switch (c.kind) {
      case "room-overlap":
        return t("conflicts.room-overlap", { title: pick(locale, c.other.titleEn, c.other.titleZh) });
      case "person-overlap": {
        const person = speakers.find((s) => s.id === c.speakerId);
        return t("conflicts.person-overlap", {
          name: person ? pick(locale, person.nameEn, person.nameZh) : String(c.speakerId),
          title: pick(locale, c.other.titleEn, c.other.titleZh),
        });
      }
      case "over-capacity":
        return t("conflicts.over-capacity", { seatLimit: c.seatLimit, capacity: c.capacity });
      case "outside-days":
        return t("conflicts.outside-days", { first: days[0]?.label ?? "", last: days.at(-1)?.label ?? "" });
      case "end-before-start":
        return t("conflicts.end-before-start");
    }
  };
  return (
    <ul className="mt-1 space-y-1">
      {sorted.map((c, i) => (
        <li key={i} className={c.blocking ? "text-red-800" : "text-amber-900"}>
          <span className="font-semibold">{c.blocking ? t("blocking") : t("warning")}:</span> {text(c)}
        </li>
      ))}
    </ul>
  );
}
