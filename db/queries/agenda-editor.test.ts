import { and, eq, isNotNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionFields } from "../../lib/agenda-editor/draft";
import { getDb } from "../client";
import { withSeededDatabase } from "../test-support";
import { editionDays } from "../../lib/edition";
import { seededEdition } from "../../lib/test-fixtures/edition";
import { auditLog, rooms, scheduleVersions, sessionDrafts, sessions, sessionSpeakers, speakers, users } from "../schema";
import {
  createSession,
  deleteSession,
  listScheduleVersions,
  loadAgendaEditor,
  moveSession,
  publishSchedule,
  updateSession,
} from "./agenda-editor";

// The seeded edition's three days, and the day after it.
const [DAY1, DAY2, DAY3] = editionDays(seededEdition.startDate, seededEdition.endDate) as unknown as [string, string, string];
const DAY_AFTER = new Date(Date.parse(`${seededEdition.endDate}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

withSeededDatabase("agenda-editor");
let userId = 0;
let roomId = 0;
let eventId = 0;

beforeAll(() => {
  userId = getDb().insert(users).values({ email: "org@example.test", role: "organizer", passwordHash: "x" }).returning().get().id;
  const event = getDb().query.events.findFirst().sync()!;
  eventId = event.id;
  roomId = getDb().insert(rooms).values({ eventId: event.id, slug: "test-room", nameEn: "Test Room", nameZh: "测试室", capacity: 30, position: 99 }).returning().get().id;
});

const fields = (over: Partial<SessionFields> = {}): SessionFields => ({
  type: "talk",
  titleEn: "Editor Test",
  titleZh: "编辑测试",
  abstractEn: "",
  abstractZh: "",
  roomId,
  trackId: null,
  day: DAY2,
  start: "09:00",
  end: "10:00",
  seatLimit: null,
  speakers: [],
  cancelled: false,
  ...over,
});

const audits = (entityId: number) =>
  getDb().select().from(auditLog).where(and(eq(auditLog.entity, "session"), eq(auditLog.entityId, entityId))).all();

describe("the agenda editor's queries", () => {
  it("creates a hidden session, edits its draft with revisions, and refuses a stale edit", () => {
    const created = createSession(fields(), false, userId, eventId);
    if (!created.ok) throw new Error(created.reason);
    const id = created.session.id;
    expect(created.session).toMatchObject({ status: "draft", revision: 1, hasDraft: true });
    expect(audits(id).map((a) => a.action)).toEqual(["session.create"]);

    const moved = moveSession(id, 1, { roomId, day: DAY2, start: "11:00", end: "11:45" }, false, userId, eventId);
    expect(moved).toMatchObject({ ok: true, session: { revision: 2 } });
    const stale = updateSession(id, 1, fields({ titleEn: "Lost" }), false, userId, eventId);
    expect(stale).toEqual({ ok: false, reason: "stale" });
    const row = getDb().select().from(sessionDrafts).where(eq(sessionDrafts.sessionId, id)).get()!;
    expect(row.revision).toBe(2);
    expect(audits(id).map((a) => a.action)).toEqual(["session.create", "session.move"]);
  });

  it("blocks a room clash and an unknown room, and asks for acknowledgement of a warning", () => {
    const first = createSession(fields({ day: DAY3, start: "08:00", end: "08:30" }), false, userId, eventId);
    expect(first.ok).toBe(true);
    expect(createSession(fields({ day: DAY3, start: "08:15", end: "08:45" }), false, userId, eventId)).toMatchObject({
      ok: false,
      reason: "blocked",
      conflicts: [{ kind: "room-overlap" }],
    });
    expect(createSession(fields({ roomId: 99999 }), false, userId, eventId)).toEqual({ ok: false, reason: "unknown-room" });
    expect(createSession(fields({ day: DAY_AFTER }), true, userId, eventId)).toMatchObject({ reason: "blocked", conflicts: [{ kind: "outside-days" }] });
    const big = fields({ day: DAY3, start: "07:00", end: "07:30", seatLimit: 31 });
    expect(createSession(big, false, userId, eventId)).toMatchObject({ ok: false, reason: "needs-acknowledgement", conflicts: [{ kind: "over-capacity" }] });
    expect(createSession(big, true, userId, eventId)).toMatchObject({ ok: true, conflicts: [{ kind: "over-capacity" }] });
  });

  it("publishes drafts as a numbered version with a changelog, and then has nothing to publish", () => {
    const opening = loadAgendaEditor(eventId).sessions.find((s) => s.slug === "opening-ceremony")!;
    const moved = moveSession(opening.id, opening.revision, { roomId, day: DAY1, start: "08:00", end: "08:30" }, false, userId, eventId);
    expect(moved.ok).toBe(true);

    const result = publishSchedule(userId, eventId);
    if (!result.ok) throw new Error(result.reason);
    expect(result.number).toBe(1);
    const kinds = result.changes.map((c) => `${c.slug}:${c.kind}`);
    expect(kinds).toContain("opening-ceremony:moved");
    expect(kinds).toContain("opening-ceremony:re-roomed");
    expect(kinds).toContain("editor-test:added");
    const row = getDb().select().from(sessions).where(eq(sessions.id, opening.id)).get()!;
    expect(row).toMatchObject({ roomId, status: "published", version: opening.revision + 1 });
    expect(getDb().select().from(sessionDrafts).all()).toEqual([]);
    // The seed's own never-published session was not edited, so it stays hidden.
    expect(getDb().select().from(sessions).where(eq(sessions.slug, "farewell-reception")).get()?.status).toBe("draft");

    expect(publishSchedule(userId, eventId)).toEqual({ ok: false, reason: "nothing" });
    expect(listScheduleVersions(eventId).map((v) => v.number)).toEqual([1]);
    expect(getDb().select().from(scheduleVersions).all()).toHaveLength(1);
  });

  it("cancels a published session instead of deleting it, keeping it public", () => {
    const opening = loadAgendaEditor(eventId).sessions.find((s) => s.slug === "opening-ceremony")!;
    expect(deleteSession(opening.id, opening.revision, userId, eventId)).toEqual({ ok: false, reason: "published" });
    const cancelled = updateSession(
      opening.id,
      opening.revision,
      { ...fields({ titleEn: opening.data.titleEn, titleZh: opening.data.titleZh, type: opening.data.type, day: DAY1, start: "08:00", end: "08:30" }), cancelled: true, speakers: opening.data.speakers },
      false,
      userId,
      eventId,
    );
    expect(cancelled.ok).toBe(true);
    const result = publishSchedule(userId, eventId);
    expect(result).toMatchObject({ ok: true, number: 2 });
    expect(result.ok && result.changes.map((c) => c.kind)).toContain("cancelled");
    expect(getDb().select().from(sessions).where(eq(sessions.id, opening.id)).get()?.status).toBe("cancelled");
    expect(getDb().select().from(sessionSpeakers).where(eq(sessionSpeakers.sessionId, opening.id)).all().length).toBe(opening.data.speakers.length);
  });

  it("refuses a real person named in the source as speaker, moderator or panellist, and does not offer them", () => {
    const real = getDb().select().from(speakers).where(isNotNull(speakers.sourceId)).all();
    expect(real.map((p) => p.slug).sort()).toEqual(["liu-jining", "lu-fangzhou", "wang-yao"]);
    const offered = loadAgendaEditor(eventId).speakers.map((p) => p.id);
    expect(offered.length).toBeGreaterThan(0);
    for (const p of real) expect(offered).not.toContain(p.id);

    const drafts = () => getDb().select().from(sessionDrafts).all().length;
    const before = drafts();
    for (const role of ["speaker", "moderator", "panelist"] as const) {
      const people = [{ speakerId: real[0]!.id, role }];
      expect(createSession(fields({ day: DAY3, start: "17:00", end: "17:30", speakers: people }), true, userId, eventId)).toEqual({
        ok: false,
        reason: "real-person",
      });
    }
    const keynote = loadAgendaEditor(eventId).sessions.find((s) => s.slug === "keynote-intelligent-connected-nev")!;
    const { titleEn, titleZh, type } = keynote.data;
    const edit = fields({ titleEn, titleZh, type, day: DAY1, start: "09:30", end: "10:15", speakers: [{ speakerId: real[1]!.id, role: "speaker" }] });
    expect(updateSession(keynote.id, keynote.revision, edit, true, userId, eventId)).toEqual({ ok: false, reason: "real-person" });
    expect(drafts()).toBe(before);
    // A person of the program passes the same check: the refusal is about who, not about having people.
    const role = loadAgendaEditor(eventId).speakers[0]!;
    expect(createSession(fields({ day: DAY3, start: "17:00", end: "17:30", speakers: [{ speakerId: role.id, role: "moderator" }] }), true, userId, eventId)).toMatchObject({ ok: true });
  });

  it("deletes a never-published session", () => {
    const created = createSession(fields({ day: DAY1, start: "20:00", end: "21:00", titleEn: "Gone" }), false, userId, eventId);
    if (!created.ok) throw new Error(created.reason);
    expect(deleteSession(created.session.id, 0, userId, eventId)).toEqual({ ok: false, reason: "stale" });
    expect(deleteSession(created.session.id, 1, userId, eventId)).toEqual({ ok: true });
    expect(getDb().select().from(sessions).where(eq(sessions.id, created.session.id)).get()).toBeUndefined();
    expect(audits(created.session.id).map((a) => a.action)).toEqual(["session.create", "session.delete"]);
  });
});
