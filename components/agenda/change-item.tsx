import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Change, ChangeState } from "@/lib/agenda-editor/changelog";
import { pick } from "@/lib/localized";
import { formatDay, formatTimeRange, zonedDate } from "@/lib/time";

type Props = { change: Change; locale: string; timeZone: string; prefix: string };

/** One line of the change log: what happened to a session, with where and when before and after. */
export async function ChangeItem({ change, locale, timeZone, prefix }: Props) {
  const t = await getTranslations("agendaChanges");
  const when = (s: ChangeState) =>
    s.startsAt === undefined || s.endsAt === undefined
      ? ""
      : `${formatDay(zonedDate(s.startsAt, timeZone), locale, "short")} ${formatTimeRange(s.startsAt, s.endsAt, locale, timeZone)}`;
  const room = (s: ChangeState) => pick(locale, s.roomEn ?? "", s.roomZh) || t("noRoom");
  const place = (s: ChangeState) => t("at", { when: when(s), room: room(s) });
  const { before, after } = change;
  let detail = "";
  if (change.kind === "added" || change.kind === "restored") detail = after ? place(after) : "";
  else if (change.kind === "cancelled") detail = before ? t("was", { before: place(before) }) : "";
  else if (change.kind === "moved" && before && after) detail = t("fromTo", { before: when(before), after: when(after) });
  else if (change.kind === "re-roomed" && before && after) detail = t("fromTo", { before: room(before), after: room(after) });
  else if (change.kind === "retitled" && before && after) {
    detail = t("fromTo", { before: pick(locale, before.titleEn ?? "", before.titleZh), after: pick(locale, after.titleEn ?? "", after.titleZh) });
  }
  return (
    <li className="rounded-md border border-slate-200 bg-white px-3 py-2">
      <span className="mr-2 rounded bg-slate-800 px-1.5 py-0.5 text-xs font-semibold text-white">{t(`kinds.${change.kind}`)}</span>
      <Link href={`${prefix}/sessions/${change.slug}`} className="font-semibold text-brand-800 underline">
        {pick(locale, change.titleEn, change.titleZh)}
      </Link>
      {detail && <span className="text-slate-700"> — {detail}</span>}
    </li>
  );
}
