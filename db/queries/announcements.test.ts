import { randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Audience } from "../../lib/announcements/audience";
import { readAnnouncement, type AnnouncementInput } from "../../lib/announcements/input";
import { getDb } from "../client";
import { withSeededDatabase } from "../test-support";
import {
  announcementRecipients,
  announcements,
  auditLog,
  checkIns,
  events,
  outbox,
  registrations,
  sessionSpeakers,
  sessions,
  speakerInvitations,
  speakers,
  users,
  type Event,
} from "../schema";
import {
  announcementProgress,
  announcementRecipientRows,
  countRecipients,
  getAnnouncement,
  paceAnnouncements,
  saveDraft,
  sendAnnouncement,
  sendTest,
} from "./announcements";
import { deleteEdition } from "./editions";
import { outboxStore } from "./outbox";

withSeededDatabase("announcements");

// An edition of its own, with invented people, so that the seed's people never count.
const DAY1 = "2031-05-20";
const DAY2 = "2031-05-21";
let edition: Event;
let other: Event;
let userId = 0;
const actor = () => `user:${userId}`;

let n = 0;
function person(over: Partial<typeof registrations.$inferInsert> & { eventId?: number } = {}) {
  n += 1;
  const email = `announce-${n}@example.test`;
  return getDb()
    .insert(registrations)
    .values({
      eventId: edition.id,
      code: `CAF-AN${n}${randomBytes(3).toString("hex").toUpperCase()}`,
      manageTokenHash: randomBytes(16).toString("hex"),
      status: "confirmed",
      fullName: `Invented Person ${n}`,
      email,
      emailKey: email,
      organisation: "Invented Org",
      jobTitle: "Tester",
      category: "industry",
      days: [DAY1],
      privacyConsentAt: new Date(),
      locale: "en",
      consentNews: true,
      ...over,
    })
    .returning()
    .get();
}

const everyone: Audience = { groups: ["confirmed", "waiting", "speakers"], days: [], categories: [], checkedIn: false };
const audience = (over: Partial<Audience>): Audience => ({ ...everyone, ...over });
const text = { subjectEn: "Doors open at 8", subjectZh: "八点开门", bodyEn: "Dear all,\n\nThe doors open at 8.", bodyZh: "各位：\n\n八点开门。" };
const input = (over: Partial<AnnouncementInput> = {}): AnnouncementInput => ({ ...text, kind: "service", audience: everyone, ...over });

const people = {} as Record<"en" | "zh" | "noNews" | "waiting" | "cancelled" | "erased" | "media" | "day2" | "checked" | "elsewhere", { id: number; email: string }>;
let speakerZh = 0;
let speakerNoAddress = 0;
let speakerAlsoRegistered = 0;

beforeAll(() => {
  const db = getDb();
  userId = db.insert(users).values({ email: "announce-org@example.test", role: "organizer", passwordHash: "x" }).returning().get().id;
  const make = (slug: string) =>
    db
      .insert(events)
      .values({ slug, path: slug, nameEn: `Invented Forum ${slug}`, nameZh: "虚构论坛", venueEn: "Invented Hall", venueZh: "虚构会堂", timeZone: "Asia/Shanghai", startDate: DAY1, endDate: DAY2 })
      .returning()
      .get();
  edition = make("an2031");
  other = make("an2032");
  people.en = person();
  people.zh = person({ locale: "zh-CN" });
  people.noNews = person({ consentNews: false });
  people.waiting = person({ status: "waiting", waitlistedAt: new Date() });
  people.cancelled = person({ status: "cancelled" });
  people.erased = person({ erasedAt: new Date() });
  people.media = person({ category: "media" });
  people.day2 = person({ days: [DAY2] });
  people.checked = person({ days: [DAY1, DAY2] });
  people.elsewhere = person({ eventId: other.id });
  db.insert(checkIns).values({ registrationId: people.checked.id, day: DAY2, method: "code" }).run();

  // Speakers of a published session of the edition: one invited in Chinese (twice: the latest counts),
  // one never invited (no address), one who also registered as an attendee.
  const session = db
    .insert(sessions)
    .values({ eventId: edition.id, slug: "invented-talk", type: "talk", status: "published", startsAt: new Date(`${DAY1}T02:00:00Z`), endsAt: new Date(`${DAY1}T03:00:00Z`), titleEn: "Invented Talk", titleZh: "虚构演讲" })
    .returning()
    .get();
  const speaker = (slug: string) => db.insert(speakers).values({ slug, nameEn: `Speaker ${slug}`, nameZh: `讲者${slug}` }).returning().get().id;
  speakerZh = speaker("an-zh");
  speakerNoAddress = speaker("an-none");
  speakerAlsoRegistered = speaker("an-both");
  for (const [position, id] of [speakerZh, speakerNoAddress, speakerAlsoRegistered].entries()) {
    db.insert(sessionSpeakers).values({ sessionId: session.id, speakerId: id, role: "speaker", position }).run();
  }
  const invite = (speakerId: number, email: string, locale: "en" | "zh-CN") =>
    db.insert(speakerInvitations).values({ speakerId, email, locale, tokenHash: randomBytes(16).toString("hex"), expiresAt: new Date(Date.now() + 86_400_000) }).run();
  invite(speakerZh, "speaker-old@example.test", "en");
  invite(speakerZh, "speaker-zh@example.test", "zh-CN");
  invite(speakerAlsoRegistered, people.en.email.toUpperCase(), "zh-CN");
});

const count = (a: Partial<Audience>, kind: "news" | "service" = "service") => countRecipients(edition, kind, audience(a));
const rowCounts = () => ({
  announcements: getDb().select().from(announcements).all().length,
  recipients: getDb().select().from(announcementRecipients).all().length,
  outbox: getDb().select().from(outbox).all().length,
  audit: getDb().select().from(auditLog).all().length,
});

describe("the audience", () => {
  it("service: every confirmed and waiting person of the edition, not cancelled, erased or of another edition", () => {
    expect(count({ groups: ["confirmed"] })).toBe(6);
    expect(count({ groups: ["waiting"] })).toBe(1);
    expect(count({ groups: ["confirmed", "waiting"] })).toBe(7);
  });

  it("news: only those who consented to news, and no speaker (none was asked)", () => {
    expect(count({ groups: ["confirmed", "waiting"] }, "news")).toBe(6);
    expect(count({ groups: ["speakers"] }, "news")).toBe(0);
  });

  it("narrows by day, by category and by check-in", () => {
    expect(count({ groups: ["confirmed"], days: [DAY2] })).toBe(2);
    expect(count({ groups: ["confirmed"], categories: ["media"] })).toBe(1);
    expect(count({ groups: ["confirmed"], categories: ["media", "industry"] })).toBe(6);
    expect(count({ groups: ["confirmed"], checkedIn: true })).toBe(1);
    expect(count({ groups: ["confirmed"], checkedIn: true, days: [DAY1] })).toBe(0);
    expect(count({ groups: ["confirmed"], checkedIn: true, days: [DAY2] })).toBe(1);
  });

  it("speakers: those with an address, in the language of their latest invitation; a registered speaker once, as the attendee", async () => {
    expect(count({ groups: ["speakers"] })).toBe(2);
    expect(count({ groups: ["speakers"], days: [DAY2] })).toBe(0);
    // people.en is also speaker "an-both": 7 attendees + 2 speakers - 1 shared address.
    expect(count({})).toBe(8);
    const { audienceRecipients } = await import("./announcements");
    const list = audienceRecipients(getDb(), edition, "service", audience({ groups: ["speakers", "confirmed"] }));
    expect(list.find((c) => c.speakerId === speakerZh)).toMatchObject({ email: "speaker-zh@example.test", locale: "zh-CN", name: "讲者an-zh" });
    expect(list.filter((c) => c.email.toLowerCase() === people.en.email)).toEqual([expect.objectContaining({ registrationId: people.en.id, locale: "en" })]);
    expect(list.some((c) => c.speakerId === speakerNoAddress)).toBe(false);
  });
});

describe("sending", () => {
  it("queues one email per person in their language, spaced at the rate, with an audit row", () => {
    const saved = saveDraft(input({ audience: audience({ groups: ["confirmed"], days: [DAY2] }) }), { eventId: edition.id, userId, actor: actor() });
    if (!saved.ok) throw new Error(saved.error);
    const now = new Date("2031-05-01T00:00:00Z");
    expect(sendAnnouncement(saved.id, { eventId: edition.id, userId, actor: actor(), now, rate: 120 })).toEqual({ ok: true, recipients: 2 });
    const rows = getDb()
      .select({ to: outbox.to, subject: outbox.subject, text: outbox.text, at: outbox.nextAttemptAt, kind: outbox.kind, locale: announcementRecipients.locale })
      .from(announcementRecipients)
      .innerJoin(outbox, eq(outbox.id, announcementRecipients.outboxId))
      .where(eq(announcementRecipients.announcementId, saved.id))
      .all();
    expect(rows.map((r) => r.to).sort()).toEqual([people.checked.email, people.day2.email].sort());
    expect(rows.every((r) => r.kind === "announcement" && r.subject === "Doors open at 8" && r.text.includes("The doors open at 8."))).toBe(true);
    // 120 a minute: one every half second, the first at once.
    expect(rows.map((r) => r.at!.getTime() - now.getTime())).toEqual([0, 500]);
    expect(getAnnouncement(saved.id, edition.id)?.status).toBe("sent");
    const audit = getDb().select().from(auditLog).where(and(eq(auditLog.entity, "announcement"), eq(auditLog.entityId, saved.id))).all();
    expect(audit.map((a) => [a.action, a.actor, a.eventId])).toEqual([
      ["announcement.create", actor(), edition.id],
      ["announcement.send", actor(), edition.id],
    ]);
    expect(announcementProgress(saved.id)).toEqual({ total: 2, sent: 0, pending: 2, failed: 0 });
  });

  it("writes Chinese for a Chinese registration, and a second announcement queues after the first", () => {
    const now = new Date("2031-05-01T00:00:00Z");
    const first = saveDraft(input({ audience: audience({ groups: ["confirmed"], categories: ["media"] }) }), { eventId: edition.id, userId, actor: actor() });
    const second = saveDraft(input({ kind: "news", audience: audience({ groups: ["confirmed"] }) }), { eventId: edition.id, userId, actor: actor() });
    if (!first.ok || !second.ok) throw new Error("not saved");
    sendAnnouncement(first.id, { eventId: edition.id, userId, actor: actor(), now, rate: 60 });
    sendAnnouncement(second.id, { eventId: edition.id, userId, actor: actor(), now, rate: 60 });
    const mine = announcementRecipientRows(second.id);
    const zh = mine.find((r) => r.email === people.zh.email)!;
    expect(zh.locale).toBe("zh-CN");
    const zhMail = getDb().select().from(outbox).where(and(eq(outbox.to, people.zh.email), eq(outbox.kind, "announcement"))).get()!;
    expect(zhMail.subject).toBe("八点开门");
    expect(zhMail.text).toContain("尊敬的Invented Person 2：");
    expect(zhMail.text).toContain("八点开门。");
    // Everything queued before (the first test's two and this first one) comes first: a minute's pace holds across sends.
    const times = [...announcementRecipientRows(first.id), ...mine].map((r) => r.dueAt.getTime());
    const sorted = [...times].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i += 1) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(500);
    expect(Math.min(...mine.map((r) => r.dueAt.getTime()))).toBeGreaterThan(Math.max(...announcementRecipientRows(first.id).map((r) => r.dueAt.getTime())));
  });
});

describe("a restart midway", () => {
  /** The mail worker's loop, by the outbox's own queries, with a clock the test moves. */
  function deliverDue(now: Date, sent: string[], limit = Infinity): number {
    let done = 0;
    for (let row = outboxStore.claimNext(now, 600_000); row && done < limit; row = done < limit ? outboxStore.claimNext(now, 600_000) : undefined) {
      sent.push(row.to);
      outboxStore.record(row.id, { status: "sent", sentAt: now, attempts: row.attempts + 1, nextAttemptAt: null });
      done += 1;
    }
    return done;
  }

  it("sends each recipient exactly once, and keeps the rate after the stop", () => {
    // Out of the way: what the earlier tests queued is delivered first.
    deliverDue(new Date("2031-06-01T00:00:00Z"), []);
    const saved = saveDraft(input({ audience: audience({ groups: ["confirmed", "waiting", "speakers"] }) }), { eventId: edition.id, userId, actor: actor() });
    if (!saved.ok) throw new Error(saved.error);
    const start = new Date("2031-06-02T00:00:00Z");
    const sent: string[] = [];
    expect(sendAnnouncement(saved.id, { eventId: edition.id, userId, actor: actor(), now: start, rate: 60 })).toEqual({ ok: true, recipients: 8 });

    // The worker sends one a second for four seconds, then the server stops.
    for (let s = 0; s < 4; s += 1) deliverDue(new Date(start.getTime() + s * 1000), sent);
    expect(sent).toHaveLength(4);
    // One more email was taken (leased) at the moment of the stop, and its send never finished.
    const leased = outboxStore.claimNext(new Date(start.getTime() + 4000), 600_000)!;
    expect(leased).toBeDefined();

    // Ten minutes later the server starts again: a double click on Send changes nothing,
    expect(sendAnnouncement(saved.id, { eventId: edition.id, userId, actor: actor(), now: start, rate: 60 })).toEqual({ ok: false, error: "alreadySent" });
    const restart = new Date(start.getTime() + 10 * 60_000 - 1);
    // and the three still waiting get new turns from now, one a second, instead of going out together.
    expect(paceAnnouncements(restart, 60)).toBe(3);
    expect(deliverDue(restart, sent)).toBe(1);
    expect(deliverDue(new Date(restart.getTime() + 999), sent)).toBe(0);
    for (let s = 1; s <= 3; s += 1) deliverDue(new Date(restart.getTime() + s * 1000), sent);
    expect(sent).toHaveLength(7);
    // The email leased at the stop comes back once its lease is over, and only then.
    deliverDue(new Date(start.getTime() + 4000 + 600_000), sent);

    const recipients = announcementRecipientRows(saved.id);
    expect(recipients).toHaveLength(8);
    expect([...sent].sort()).toEqual(recipients.map((r) => r.email).sort());
    expect(new Set(sent.map((e) => e.toLowerCase())).size).toBe(8);
    expect(announcementProgress(saved.id)).toEqual({ total: 8, sent: 8, pending: 0, failed: 0 });
    // Pacing again finds nothing to move.
    expect(paceAnnouncements(new Date(start.getTime() + 3_600_000), 60)).toBe(0);
  });

  it("a stop inside the send's transaction queues no one; sending again then queues everyone once", () => {
    const saved = saveDraft(input({ audience: audience({ groups: ["waiting"] }) }), { eventId: edition.id, userId, actor: actor() });
    if (!saved.ok) throw new Error(saved.error);
    const before = rowCounts();
    expect(() =>
      getDb().transaction((tx) => {
        void tx;
        sendAnnouncement(saved.id, { eventId: edition.id, userId, actor: actor(), rate: 60 });
        throw new Error("power cut");
      }),
    ).toThrow("power cut");
    expect(rowCounts()).toEqual(before);
    expect(getAnnouncement(saved.id, edition.id)?.status).toBe("draft");
    expect(sendAnnouncement(saved.id, { eventId: edition.id, userId, actor: actor(), rate: 60 })).toEqual({ ok: true, recipients: 1 });
    expect(announcementRecipientRows(saved.id).map((r) => r.email)).toEqual([people.waiting.email]);
  });
});

describe("bad input", () => {
  it("a form without one of its languages names each missing field and nothing is saved", () => {
    const form = new FormData();
    form.set("subjectEn", "Hello");
    form.set("bodyEn", "Body");
    form.set("subjectZh", "  ");
    form.set("kind", "service");
    form.append("groups", "confirmed");
    expect(readAnnouncement(form, [DAY1, DAY2])).toEqual({ ok: false, errors: { subjectZh: "required", bodyZh: "required" } });
  });

  it("an empty audience is refused with nothing written", () => {
    const saved = saveDraft(input({ kind: "news", audience: audience({ groups: ["speakers"] }) }), { eventId: edition.id, userId, actor: actor() });
    if (!saved.ok) throw new Error(saved.error);
    const before = rowCounts();
    expect(sendAnnouncement(saved.id, { eventId: edition.id, userId, actor: actor() })).toEqual({ ok: false, error: "noRecipients" });
    expect(rowCounts()).toEqual(before);
    expect(getAnnouncement(saved.id, edition.id)?.status).toBe("draft");
  });

  it("forged ids (none, or another edition's) are not found, and a sent announcement is neither changed nor sent again", () => {
    const saved = saveDraft(input({ audience: audience({ groups: ["waiting"] }) }), { eventId: edition.id, userId, actor: actor() });
    if (!saved.ok) throw new Error(saved.error);
    const before = rowCounts();
    const by = { eventId: other.id, userId, actor: actor() };
    expect(sendAnnouncement(saved.id, by)).toEqual({ ok: false, error: "notFound" });
    expect(sendAnnouncement(999_999, { ...by, eventId: edition.id })).toEqual({ ok: false, error: "notFound" });
    expect(sendTest(saved.id, { eventId: other.id, email: "o@example.test", actor: actor() })).toEqual({ ok: false, error: "notFound" });
    expect(saveDraft(input(), { ...by, id: saved.id })).toEqual({ ok: false, error: "notFound" });
    expect(getAnnouncement(saved.id, other.id)).toBeUndefined();
    expect(rowCounts()).toEqual(before);

    expect(sendAnnouncement(saved.id, { ...by, eventId: edition.id }).ok).toBe(true);
    const afterSend = rowCounts();
    expect(sendAnnouncement(saved.id, { ...by, eventId: edition.id })).toEqual({ ok: false, error: "alreadySent" });
    expect(saveDraft(input({ subjectEn: "Changed" }), { ...by, eventId: edition.id, id: saved.id })).toEqual({ ok: false, error: "alreadySent" });
    expect(rowCounts()).toEqual(afterSend);
    expect(getAnnouncement(saved.id, edition.id)?.subjectEn).toBe("Doors open at 8");
  });

  it("a test goes to the organizer alone, in both languages, and is audited", () => {
    const saved = saveDraft(input(), { eventId: edition.id, userId, actor: actor() });
    if (!saved.ok) throw new Error(saved.error);
    expect(sendTest(saved.id, { eventId: edition.id, email: "announce-org@example.test", actor: actor() })).toEqual({ ok: true });
    const mails = getDb().select().from(outbox).where(eq(outbox.to, "announce-org@example.test")).all();
    expect(mails.map((m) => m.subject)).toEqual(["[TEST] Doors open at 8", "[TEST] 八点开门"]);
    expect(getDb().select().from(announcementRecipients).where(eq(announcementRecipients.announcementId, saved.id)).all()).toHaveLength(0);
    expect(getAnnouncement(saved.id, edition.id)?.status).toBe("draft");
    const audit = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, saved.id), inArray(auditLog.action, ["announcement.test"])))
      .all();
    expect(audit).toHaveLength(1);
  });
});

describe("an edition deleted", () => {
  it("takes its announcements with it", () => {
    const lone = getDb()
      .insert(events)
      .values({ slug: "an2033", path: "an2033", nameEn: "Invented Forum 2033", nameZh: "虚构论坛", venueEn: "Hall", venueZh: "会堂", timeZone: "Asia/Shanghai", startDate: DAY1, endDate: DAY2 })
      .returning()
      .get();
    const saved = saveDraft(input(), { eventId: lone.id, userId, actor: actor() });
    if (!saved.ok) throw new Error(saved.error);
    expect(deleteEdition(lone.id, userId).ok).toBe(true);
    expect(getDb().select().from(announcements).where(eq(announcements.eventId, lone.id)).all()).toEqual([]);
  });
});
