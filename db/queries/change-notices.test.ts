import ICAL from "ical.js";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { DraftData } from "../../lib/agenda-editor/draft";
import { getDb } from "../client";
import { withSeededDatabase } from "../test-support";
import { auditLog, changeNotices, outbox, rooms, scheduleVersions, sessionDrafts, sessions, sessionSpeakers, speakers, users, type Registration } from "../schema";
import { publishedData, publishPreview, publishSchedule } from "./agenda-editor";
import { findByNoticesToken, noticesOf, queueChangeNotices, renderPendingNotices, setChangeNotices } from "./change-notices";
import { erase, register } from "./registrations";
import { revokeSpeakerLink, sendSpeakerLink } from "./speaker-portal";
import { addStars } from "./stars";

withSeededDatabase("change-notices");
let n = 0;
const person = (locale: "en" | "zh-CN" = "en"): Registration =>
  register({
    fullName: `Notice Reader ${++n}`,
    email: `notices-${n}@example.test`,
    organisation: "Org",
    jobTitle: "Engineer",
    phone: null,
    category: "industry",
    days: ["2024-07-11"],
    dietary: "",
    accessibility: "",
    newsConsent: false,
    consent: true,
    locale,
  }).registration;

let userId = 0;
let eventId = 0;
beforeAll(() => {
  userId = getDb().insert(users).values({ email: "notices-org@example.test", role: "organizer", passwordHash: "x" }).returning().get().id;
  eventId = getDb().query.events.findFirst({ where: (e, { eq }) => eq(e.isCurrent, true) }).sync()!.id;
});

const session = (slug: string) => getDb().select().from(sessions).where(and(eq(sessions.slug, slug), eq(sessions.eventId, eventId))).get()!;

/** A draft of a published session, as the editor would save it. */
function draft(slug: string, change: (data: DraftData) => DraftData) {
  const row = session(slug);
  const people = getDb().select().from(sessionSpeakers).where(eq(sessionSpeakers.sessionId, row.id)).all();
  const data = change(publishedData(row, people.map((p) => ({ speakerId: p.speakerId, role: p.role }))));
  getDb().insert(sessionDrafts).values({ sessionId: row.id, data, revision: row.version + 1, updatedBy: userId }).run();
}

const HOUR = 3_600_000;
const later = (d: DraftData): DraftData => ({ ...d, startsAt: d.startsAt + 10 * HOUR, endsAt: d.endsAt + 10 * HOUR });
const noticesTo = (registrationId: number) =>
  getDb()
    .select()
    .from(outbox)
    .where(and(eq(outbox.registrationId, registrationId), eq(outbox.kind, "change-notice")))
    .all();
const stopToken = (text: string) => /\/notices\/([A-Za-z0-9_-]+)/.exec(text)![1]!;

describe("change notices", () => {
  const people = {} as Record<"both" | "zh" | "other" | "erased", Registration>;

  it("counts before publishing, then queues one email per person with only their changes", () => {
    people.both = person("en");
    people.zh = person("zh-CN");
    people.other = person("en");
    people.erased = person("en");
    addStars(people.both.id, ["opening-ceremony", "keynote-jiading-auto-hub"]);
    addStars(people.zh.id, ["keynote-jiading-auto-hub"]);
    addStars(people.other.id, ["lunch-day-1"]);
    addStars(people.erased.id, ["opening-ceremony"]);
    erase(people.erased.id, "system");

    draft("opening-ceremony", later);
    draft("keynote-jiading-auto-hub", (d) => ({ ...d, cancelled: true }));
    // Only the abstract: published, but no one is told.
    draft("lunch-day-1", (d) => ({ ...d, abstractEn: `${d.abstractEn} More.` }));

    expect(publishPreview(eventId).notified.attendees).toBe(2);

    const published = publishSchedule(userId, eventId);
    if (!published.ok) throw new Error("nothing published");
    expect(published.notified.attendees).toBe(2);
    expect(publishPreview(eventId).notified.attendees).toBe(0);
    // Queued with the publication; the emails are written after it, by the mail worker's step.
    expect(getDb().select().from(outbox).where(eq(outbox.kind, "change-notice")).all()).toHaveLength(0);
    expect(renderPendingNotices()).toBe(2);
    expect(renderPendingNotices()).toBe(0);

    const [both] = noticesTo(people.both.id);
    expect(noticesTo(people.both.id)).toHaveLength(1);
    expect(both!.status).toBe("pending");
    expect(both!.to).toBe(people.both.email);
    expect(both!.text).toContain(session("opening-ceremony").titleEn);
    expect(both!.text).toContain(session("keynote-jiading-auto-hub").titleEn);
    expect(both!.text).toContain("Cancelled");
    expect(both!.text).toContain(`(version ${published.number})`);
    expect(both!.attachments?.map((a) => a.contentType)).toEqual(
      expect.arrayContaining(["text/calendar; charset=utf-8; method=PUBLISH", "text/calendar; charset=utf-8; method=CANCEL"]),
    );
    // The calendar entry of the moved session: the feed's UID, the SEQUENCE of its new version.
    const opening = session("opening-ceremony");
    const entry = both!.attachments!.find((a) => a.contentType.endsWith("PUBLISH"))!;
    const vevent = new ICAL.Component(ICAL.parse(entry.content)).getFirstSubcomponent("vevent")!;
    expect(vevent.getFirstPropertyValue("uid")).toBe(`session-${opening.id}@caf2024`);
    expect(vevent.getFirstPropertyValue("sequence")).toBe(opening.version - 1);
    expect(opening.version).toBeGreaterThan(1);

    const [zh] = noticesTo(people.zh.id);
    expect(noticesTo(people.zh.id)).toHaveLength(1);
    expect(zh!.subject).toContain("有变动");
    expect(zh!.text).toContain(session("keynote-jiading-auto-hub").titleZh);
    expect(zh!.text).not.toContain(opening.titleZh);
    expect(zh!.attachments).toHaveLength(1);
    expect(zh!.text).toContain("/zh-CN/notices/");

    expect(noticesTo(people.other.id)).toHaveLength(0);
    expect(noticesTo(people.erased.id)).toHaveLength(0);

    const audit = getDb().select().from(auditLog).where(eq(auditLog.action, "schedule.notify")).all();
    expect(audit.at(-1)).toMatchObject({ eventId, entity: "schedule_version", entityId: published.number, after: expect.objectContaining({ attendees: 2 }) });
  });

  it("never notifies twice for one publication: a second queueing of the same version adds nothing", () => {
    const version = getDb().select().from(scheduleVersions).where(eq(scheduleVersions.eventId, eventId)).all().at(-1)!;
    const before = getDb().select().from(outbox).where(eq(outbox.kind, "change-notice")).all().length;
    const again = getDb().transaction((tx) =>
      queueChangeNotices(tx, { eventId, versionId: version.id, versionNumber: version.number, changes: version.changes as never, actor: "system" }),
    );
    expect(again.attendees).toBe(0);
    expect(renderPendingNotices()).toBe(0);
    expect(getDb().select().from(outbox).where(eq(outbox.kind, "change-notice")).all()).toHaveLength(before);
    // Publishing with nothing drafted notifies no one either.
    expect(publishSchedule(userId, eventId)).toEqual({ ok: false, reason: "nothing" });
    expect(getDb().select().from(outbox).where(eq(outbox.kind, "change-notice")).all()).toHaveLength(before);
  });

  it("tells a later publication's changes only, once, and the same stop link in every notice", () => {
    draft("keynote-jiading-auto-hub", (d) => ({ ...d, titleEn: `${d.titleEn} (restored)`, cancelled: false }));
    const published = publishSchedule(userId, eventId);
    expect(published).toMatchObject({ ok: true, notified: { attendees: 2 } });
    renderPendingNotices();
    const mails = noticesTo(people.both.id);
    expect(mails).toHaveLength(2);
    // The move of the first publication is not told again.
    expect(mails[1]!.text).not.toContain(session("opening-ceremony").titleEn + "”");
    expect(mails[1]!.text).toContain("Back on the programme");
    expect(stopToken(mails[1]!.text)).toBe(stopToken(mails[0]!.text));
    expect(noticesOf(people.both.id)).toHaveLength(2);
  });

  it("stops a person's notices by their link, and resumes them, each with an audit row", () => {
    const token = stopToken(noticesTo(people.both.id)[0]!.text);
    expect(findByNoticesToken(token)?.id).toBe(people.both.id);
    expect(findByNoticesToken(`${token.slice(0, -2)}xx`)).toBeUndefined();
    expect(getDb().select().from(changeNotices).where(eq(changeNotices.registrationId, people.both.id)).all()).toHaveLength(2);

    expect(setChangeNotices(people.both.id, false, `attendee:${people.both.code}`)).toEqual({ ok: true });
    // Twice (two tabs): one audit row.
    setChangeNotices(people.both.id, false, `attendee:${people.both.code}`);
    draft("opening-ceremony", later);
    expect(publishPreview(eventId).notified.attendees).toBe(0);
    expect(publishSchedule(userId, eventId)).toMatchObject({ ok: true, notified: { attendees: 0 } });
    renderPendingNotices();
    expect(noticesTo(people.both.id)).toHaveLength(2);

    setChangeNotices(people.both.id, true, `attendee:${people.both.code}`);
    draft("opening-ceremony", (d) => ({ ...d, roomId: getDb().select().from(rooms).where(and(eq(rooms.eventId, eventId), eq(rooms.slug, "hall-b"))).get()!.id }));
    expect(publishSchedule(userId, eventId)).toMatchObject({ ok: true, notified: { attendees: 1 } });
    renderPendingNotices();
    expect(noticesTo(people.both.id)).toHaveLength(3);

    const trail = getDb()
      .select({ action: auditLog.action, actor: auditLog.actor, eventId: auditLog.eventId })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "registration"), eq(auditLog.entityId, people.both.id)))
      .all()
      .filter((a) => a.action.startsWith("change-notices."));
    expect(trail).toEqual([
      { action: "change-notices.stop", actor: `attendee:${people.both.code}`, eventId },
      { action: "change-notices.resume", actor: `attendee:${people.both.code}`, eventId },
    ]);
  });

  it("finds no one by the stop link of an erased person", () => {
    const reg = person();
    addStars(reg.id, ["opening-ceremony"]);
    draft("opening-ceremony", later);
    publishSchedule(userId, eventId);
    renderPendingNotices();
    const token = stopToken(noticesTo(reg.id)[0]!.text);
    expect(findByNoticesToken(token)?.id).toBe(reg.id);
    erase(reg.id, "system");
    expect(findByNoticesToken(token)).toBeUndefined();
    expect(setChangeNotices(reg.id, false, "system")).toEqual({ ok: false });
  });

  it("writes no email for a person who stopped notices or was erased between the publication and the writing", () => {
    const stopping = person();
    const leaving = person();
    addStars(stopping.id, ["opening-ceremony"]);
    addStars(leaving.id, ["opening-ceremony"]);
    draft("opening-ceremony", later);
    const published = publishSchedule(userId, eventId);
    expect(published).toMatchObject({ ok: true });
    if (!published.ok) return;
    expect(published.notified.attendees).toBeGreaterThanOrEqual(2);
    setChangeNotices(stopping.id, false, "system");
    erase(leaving.id, "system");
    renderPendingNotices();
    expect(noticesTo(stopping.id)).toHaveLength(0);
    expect(noticesTo(leaving.id)).toHaveLength(0);
    // Both rows are done: the worker does not look at them again.
    const rows = getDb().select().from(changeNotices).where(eq(changeNotices.registrationId, stopping.id)).all();
    expect(rows).toMatchObject([{ outboxId: null, renderedAt: expect.any(Date) }]);
  });
});

describe("speakers' change notices", () => {
  /** An invented speaker on a session: never one of the seeded (real) people. */
  function speakerOn(slug: string, name: string): number {
    const id = getDb().insert(speakers).values({ slug: name.toLowerCase().replaceAll(" ", "-"), nameEn: name, nameZh: `${name}（中文）`, listed: false }).returning().get().id;
    getDb().insert(sessionSpeakers).values({ sessionId: session(slug).id, speakerId: id, role: "speaker", position: 9 }).run();
    return id;
  }
  const speakerNotices = () => getDb().select().from(outbox).where(eq(outbox.kind, "speaker-change-notice")).orderBy(outbox.id).all();

  it("emails each invited speaker of a changed session once, in their language, and counts those the forum cannot reach", () => {
    const organizer = { id: userId, actor: `user:${userId}` };
    const seeded = getDb().select().from(sessionSpeakers).where(eq(sessionSpeakers.sessionId, session("lunch-day-1").id)).all().length;
    const english = speakerOn("lunch-day-1", "Notice Speaker En");
    const chinese = speakerOn("lunch-day-1", "Notice Speaker Zh");
    speakerOn("lunch-day-1", "Notice Speaker Uninvited");
    const revoked = speakerOn("lunch-day-1", "Notice Speaker Revoked");
    expect(sendSpeakerLink(english, { email: "speaker-en@example.test", locale: "en" }, organizer).ok).toBe(true);
    expect(sendSpeakerLink(chinese, { email: "speaker-zh@example.test", locale: "zh-CN" }, organizer).ok).toBe(true);
    expect(sendSpeakerLink(revoked, { email: "speaker-revoked@example.test", locale: "en" }, organizer).ok).toBe(true);
    expect(revokeSpeakerLink(revoked, organizer.actor)).toBe(true);

    draft("lunch-day-1", later);
    expect(publishPreview(eventId).notified).toMatchObject({ speakers: 2, speakersWithoutEmail: seeded + 2 });
    const published = publishSchedule(userId, eventId);
    if (!published.ok) throw new Error("nothing published");
    expect(published.notified).toMatchObject({ speakers: 2, speakersWithoutEmail: seeded + 2 });

    // Written with the publication itself: no step of the mail worker is needed.
    const mails = speakerNotices();
    expect(mails.map((m) => m.to).sort()).toEqual(["speaker-en@example.test", "speaker-zh@example.test"]);
    const en = mails.find((m) => m.to === "speaker-en@example.test")!;
    expect(en.subject).toContain("a session you speak at");
    expect(en.text).toContain("Dear Notice Speaker En,");
    expect(en.text).toContain(session("lunch-day-1").titleEn);
    expect(en.text).toContain("/en/speaker");
    expect(en.text).not.toContain("/notices/");
    const lunch = session("lunch-day-1");
    const entry = new ICAL.Component(ICAL.parse(en.attachments![0]!.content)).getFirstSubcomponent("vevent")!;
    expect(entry.getFirstPropertyValue("uid")).toBe(`session-${lunch.id}@caf2024`);
    expect((entry.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().getTime()).toBe(lunch.startsAt.getTime());
    const zh = mails.find((m) => m.to === "speaker-zh@example.test")!;
    expect(zh.subject).toContain("您演讲的1个场次有变动");
    expect(zh.text).toContain("尊敬的Notice Speaker Zh（中文）：");
    expect(zh.text).toContain(lunch.titleZh);

    const audit = getDb().select().from(auditLog).where(eq(auditLog.action, "schedule.notify")).all().at(-1)!;
    expect(audit.after).toMatchObject({ speakers: 2, speakersWithoutEmail: seeded + 2 });

    // The same version queued again emails no speaker a second time.
    const version = getDb().select().from(scheduleVersions).where(eq(scheduleVersions.eventId, eventId)).all().at(-1)!;
    getDb().transaction((tx) =>
      queueChangeNotices(tx, { eventId, versionId: version.id, versionNumber: version.number, changes: version.changes as never, actor: "system" }),
    );
    expect(speakerNotices()).toHaveLength(2);
  });

  it("tells a speaker nothing when a publication leaves their sessions as they were", () => {
    const before = speakerNotices().length;
    draft("opening-ceremony", later);
    const published = publishSchedule(userId, eventId);
    expect(published).toMatchObject({ ok: true });
    expect(speakerNotices().filter((m) => m.to.startsWith("speaker-"))).toHaveLength(before);
  });
});
