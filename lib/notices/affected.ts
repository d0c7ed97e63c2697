/**
 * Who a publication concerns: the changes of the sessions each person starred or booked. Pure, so
 * that the rule is tested without a database; db/queries/change-notices.ts feeds it.
 */
import type { Change, ChangeKind } from "../agenda-editor/changelog";

/**
 * The changes worth an email: a session is at another time, in another room, under another title,
 * cancelled, or back after a cancellation. An abstract or a speaker list edited is not.
 */
export const noticeKinds = ["moved", "re-roomed", "retitled", "cancelled", "restored"] as const satisfies readonly ChangeKind[];
export type NoticeKind = (typeof noticeKinds)[number];

export type NoticeChange = Change & { kind: NoticeKind };

/** Everything one publication changed about one session, as a notice lists it. */
export type SessionNotice = {
  sessionId: number;
  slug: string;
  titleEn: string;
  titleZh: string;
  changes: NoticeChange[];
};

const isNotice = (c: Change): c is NoticeChange => (noticeKinds as readonly string[]).includes(c.kind);

/** The publication's changes that deserve a notice, grouped by session, in the changelog's order. */
export function sessionNotices(changes: readonly Change[]): SessionNotice[] {
  const bySession = new Map<number, SessionNotice>();
  for (const change of changes.filter(isNotice)) {
    let notice = bySession.get(change.sessionId);
    if (!notice) {
      notice = { sessionId: change.sessionId, slug: change.slug, titleEn: change.titleEn, titleZh: change.titleZh, changes: [] };
      bySession.set(change.sessionId, notice);
    }
    notice.changes.push(change);
  }
  return [...bySession.values()];
}

/**
 * Each person's changed sessions: `interests` pairs a person with a session they starred or
 * booked, in any order and with repeats (a session both starred and booked). A person whose
 * sessions did not change is not in the result; each one who is appears once.
 */
export function noticesByPerson(
  notices: readonly SessionNotice[],
  interests: Iterable<{ personId: number; sessionId: number }>,
): Map<number, SessionNotice[]> {
  const bySession = new Map(notices.map((n) => [n.sessionId, n]));
  const wanted = new Map<number, Set<number>>();
  for (const { personId, sessionId } of interests) {
    if (!bySession.has(sessionId)) continue;
    let set = wanted.get(personId);
    if (!set) wanted.set(personId, (set = new Set()));
    set.add(sessionId);
  }
  const result = new Map<number, SessionNotice[]>();
  for (const [personId, ids] of wanted) {
    // In the changelog's order (the new schedule's), not in the order the stars were read.
    result.set(
      personId,
      notices.filter((n) => ids.has(n.sessionId)),
    );
  }
  return result;
}
