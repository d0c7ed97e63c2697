import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { editionInput } from "../../lib/editions/edition-input";
import { minutesOfDay, zonedDate } from "../../lib/time";
import { getDb } from "../client";
import { withSeededDatabase, registrationInput } from "../test-support";
import { auditLog, events, rooms, scheduleVersions, sessionDrafts, sessions, sessionSpeakers, speakers, tracks, users } from "../schema";
import { listScheduleVersions, loadAgendaEditor, publishSchedule, createSession } from "./agenda-editor";
import { createEdition, deleteEdition, setCurrentEdition, setEditionArchived } from "./editions";
import { register, registrationEdition } from "./registrations";
import { currentEdition } from "./event";
import { createRoom } from "./venue";
import { getEventSettings, getRegistrationModeSettings, updateEventSettings, updateRegistrationMode } from "./event-settings";

withSeededDatabase("editions");
let userId = 0;
let first = 0;

beforeAll(() => {
  userId = getDb().insert(users).values({ email: "admin@example.test", role: "admin", passwordHash: "x" }).returning().get().id;
  first = currentEdition().id;
});

const form = (over: Record<string, string> = {}) =>
  editionInput.parse({
    nameEn: "China Auto Forum 2025",
    nameZh: "2025中国汽车论坛",
    slug: "caf2025",
    path: "2025",
    startDate: "2025-09-30",
    endDate: "2025-10-02",
    timeZone: "Europe/Berlin",
    venueEn: "Messe Berlin",
    venueZh: "柏林展览中心",
    capacity: "500",
    opensAt: "2025-06-01T09:00",
    closesAt: "",
    mode: "open",
    copyFrom: String(first),
    ...over,
  });

const count = <T>(rows: T[]) => rows.length;

describe("a new edition", () => {
  let second = 0;

  it("copies rooms, tracks and the sessions as never-published drafts at the same wall-clock time in its own zone", () => {
    const source = loadAgendaEditor(first);
    const result = createEdition(form(), userId);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    second = result.edition.id;
    expect(result.edition).toMatchObject({ slug: "caf2025", path: "2025", isCurrent: false, timeZone: "Europe/Berlin", capacity: 500, registrationMode: "open" });
    // 09:00 on Berlin's clocks, summer time.
    expect(result.edition.registrationOpensAt?.toISOString()).toBe("2025-06-01T07:00:00.000Z");

    const copy = loadAgendaEditor(second);
    expect(copy.rooms.map((r) => r.slug)).toEqual(source.rooms.map((r) => r.slug));
    expect(copy.tracks.map((t) => t.slug)).toEqual(source.tracks.map((t) => t.slug));
    expect(copy.rooms.every((r) => r.eventId === second)).toBe(true);
    const copied = source.sessions.filter((s) => !s.data.cancelled);
    expect(copy.sessions).toHaveLength(copied.length);
    expect(result.copied).toEqual({ rooms: source.rooms.length, tracks: source.tracks.length, sessions: copied.length, skipped: 0 });

    const opening = source.sessions.find((s) => s.slug === "opening-ceremony")!;
    const moved = copy.sessions.find((s) => s.slug === "opening-ceremony")!;
    // Same clock time, the first day of the new edition, on Berlin's clocks.
    expect(minutesOfDay(moved.data.startsAt, "Europe/Berlin")).toBe(minutesOfDay(opening.data.startsAt, source.timeZone));
    expect(minutesOfDay(moved.data.endsAt, "Europe/Berlin")).toBe(minutesOfDay(opening.data.endsAt, source.timeZone));
    expect(zonedDate(moved.data.startsAt, "Europe/Berlin")).toBe("2025-09-30");
    // The room and the track are the new edition's own.
    const roomSlug = (id: number | null) => getDb().select().from(rooms).where(eq(rooms.id, id ?? 0)).get();
    expect(roomSlug(moved.data.roomId)).toMatchObject({ eventId: second, slug: roomSlug(opening.data.roomId)!.slug });
    if (moved.data.trackId !== null) expect(getDb().select().from(tracks).where(eq(tracks.id, moved.data.trackId)).get()?.eventId).toBe(second);

    // Drafts only: nothing of the new edition is public, and each waits for its first publication.
    const rows = getDb().select().from(sessions).where(eq(sessions.eventId, second)).all();
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["draft"]));
    expect(copy.sessions.every((s) => s.hasDraft && s.status === "draft")).toBe(true);

    // Speakers come along, but never a real person named in a source.
    const people = getDb()
      .select({ sourceId: speakers.sourceId })
      .from(sessionSpeakers)
      .innerJoin(sessions, eq(sessions.id, sessionSpeakers.sessionId))
      .innerJoin(speakers, eq(speakers.id, sessionSpeakers.speakerId))
      .where(eq(sessions.eventId, second))
      .all();
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((p) => p.sourceId === null)).toBe(true);

    const audit = getDb().select().from(auditLog).where(and(eq(auditLog.entity, "event"), eq(auditLog.entityId, second))).all();
    expect(audit.map((a) => [a.action, a.eventId])).toEqual([["edition.create", second]]);
    expect(count(getDb().select().from(auditLog).where(and(eq(auditLog.action, "session.copy"), eq(auditLog.eventId, second))).all())).toBe(copied.length);
  });

  it("leaves the earlier edition's lists as they were, and shows none of it in the new one's", () => {
    const before = loadAgendaEditor(first);
    const room = createRoom({ nameEn: "Hall Berlin", nameZh: "柏林厅", capacity: 40 }, userId, second);
    const after = loadAgendaEditor(first);
    expect(after.rooms.map((r) => r.id)).toEqual(before.rooms.map((r) => r.id));
    expect(after.sessions.map((s) => s.id)).toEqual(before.sessions.map((s) => s.id));
    expect(loadAgendaEditor(second).rooms.map((r) => r.id)).toContain(room.id);
    expect(loadAgendaEditor(second).sessions.every((s) => !before.sessions.some((b) => b.id === s.id))).toBe(true);
    // A session of the new edition cannot be placed in a room of the earlier one.
    const elsewhere = createSession(
      { type: "talk", titleEn: "Wrong room", titleZh: "错误会场", abstractEn: "", abstractZh: "", roomId: before.rooms[0]!.id, trackId: null, day: "2025-09-30", start: "20:00", end: "20:30", seatLimit: null, speakers: [], cancelled: false },
      false,
      userId,
      second,
    );
    expect(elsewhere).toEqual({ ok: false, reason: "unknown-room" });
  });

  it("publishes one edition's drafts, numbering its versions on their own", () => {
    const seedDrafts = (id: number) =>
      getDb().select({ id: sessionDrafts.sessionId }).from(sessionDrafts).innerJoin(sessions, eq(sessions.id, sessionDrafts.sessionId)).where(eq(sessions.eventId, id)).all().length;
    const earlierDrafts = seedDrafts(first);
    const statuses = (id: number) => getDb().select({ id: sessions.id, status: sessions.status, version: sessions.version }).from(sessions).where(eq(sessions.eventId, id)).all();
    const earlier = statuses(first);
    const result = publishSchedule(userId, second);
    if (!result.ok) throw new Error(result.reason);
    expect(result.number).toBe(1);
    expect(seedDrafts(second)).toBe(0);
    expect(seedDrafts(first)).toBe(earlierDrafts);
    expect(listScheduleVersions(second).map((v) => v.number)).toEqual([1]);
    expect(listScheduleVersions(first)).toEqual([]);
    expect(statuses(first)).toEqual(earlier);
    expect(new Set(statuses(second).map((s) => s.status))).toEqual(new Set(["published"]));
    const version = getDb().select().from(scheduleVersions).where(eq(scheduleVersions.eventId, second)).all();
    expect(version).toHaveLength(1);
    const audit = getDb().select().from(auditLog).where(eq(auditLog.action, "schedule.publish")).all();
    expect(audit.map((a) => a.eventId)).toEqual([second]);
  });

  it("refuses a taken acronym or path and an edition that does not exist, writing nothing", () => {
    const editions = () => getDb().select().from(events).all().length;
    const n = editions();
    expect(createEdition(form(), userId)).toEqual({ ok: false, errors: { slug: "slugTaken", path: "pathTaken" } });
    expect(createEdition(form({ slug: "caf2026", path: "2026", copyFrom: "9999" }), userId)).toEqual({ ok: false, errors: { copyFrom: "unknownEdition" } });
    expect(editions()).toBe(n);
  });

  it("skips the sessions of days a shorter edition does not have", () => {
    const result = createEdition(form({ slug: "caf-short", path: "short", startDate: "2026-05-04", endDate: "2026-05-04", timeZone: "Asia/Tokyo" }), userId);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const days = loadAgendaEditor(result.edition.id).sessions.map((s) => zonedDate(s.data.startsAt, "Asia/Tokyo"));
    expect(new Set(days)).toEqual(new Set(["2026-05-04"]));
    expect(result.copied.skipped).toBeGreaterThan(0);
  });

  it("has settings of its own: saving them changes its row alone", () => {
    const earlier = getDb().select().from(events).where(eq(events.id, first)).get()!;
    const result = updateEventSettings(
      { capacity: 120, registrationOpensAt: null, registrationClosesAt: null, startDate: "2025-09-30", endDate: "2025-10-03" },
      `user:${userId}`,
      second,
    );
    expect(result.ok).toBe(true);
    updateRegistrationMode({ mode: "approval", holdMinutes: 45 }, `user:${userId}`, second);
    expect(getEventSettings(second)).toMatchObject({ capacity: 120, endDate: "2025-10-03", timeZone: "Europe/Berlin" });
    expect(getRegistrationModeSettings(second)).toMatchObject({ mode: "approval", holdMinutes: 45 });
    expect(getDb().select().from(events).where(eq(events.id, first)).get()).toEqual(earlier);
    expect(getEventSettings(first)).toMatchObject({ startDate: earlier.startDate, endDate: earlier.endDate, capacity: earlier.capacity });
  });

  it("marks one edition current at a time", () => {
    expect(setCurrentEdition(second, userId)).toMatchObject({ ok: true });
    expect(currentEdition().id).toBe(second);
    expect(getDb().select().from(events).where(eq(events.isCurrent, true)).all().map((e) => e.id)).toEqual([second]);
    expect(setCurrentEdition(9999, userId)).toEqual({ ok: false, reason: "unknownEdition" });
    expect(currentEdition().id).toBe(second);
    setCurrentEdition(first, userId);
    expect(currentEdition().id).toBe(first);
    const audit = getDb().select().from(auditLog).where(eq(auditLog.action, "edition.current")).all();
    expect(audit.map((a) => a.eventId)).toEqual([second, first]);
  });

  it("archives an edition that is not current, never makes an archived one current, and reopens it", () => {
    expect(setEditionArchived(first, true, userId)).toEqual({ ok: false, reason: "current" });
    expect(getDb().select().from(events).where(eq(events.id, first)).get()!.archivedAt).toBeNull();
    const archived = setEditionArchived(second, true, userId);
    expect(archived).toMatchObject({ ok: true });
    expect(archived.ok && archived.edition.archivedAt).toBeInstanceOf(Date);
    expect(setCurrentEdition(second, userId)).toEqual({ ok: false, reason: "archived" });
    expect(currentEdition().id).toBe(first);
    expect(setEditionArchived(second, false, userId)).toMatchObject({ ok: true, edition: { archivedAt: null } });
    expect(setEditionArchived(9999, true, userId)).toEqual({ ok: false, reason: "unknownEdition" });
    const audit = getDb().select().from(auditLog).where(eq(auditLog.entity, "event")).all().map((a) => a.action);
    expect(audit.filter((a) => a.startsWith("edition.archive") || a.startsWith("edition.reopen"))).toEqual(["edition.archive", "edition.reopen"]);
  });

  it("refuses to delete the current edition or one somebody registered for, and deletes an edition made by mistake with its program", () => {
    expect(deleteEdition(first, userId)).toEqual({ ok: false, reason: "current" });
    // The second edition has a registration: it stays, whole.
    const reg = register(registrationInput({ email: "kept@example.test" }), { admission: "immediate", edition: registrationEdition(second)! });
    expect(reg).toBeTruthy();
    const before = getDb().select().from(sessions).where(eq(sessions.eventId, second)).all().length;
    expect(deleteEdition(second, userId)).toEqual({ ok: false, reason: "registrations", count: 1 });
    expect(getDb().select().from(sessions).where(eq(sessions.eventId, second)).all()).toHaveLength(before);

    // A third, copied by mistake: deleted with its rooms, tracks, sessions and drafts.
    const mistake = createEdition(form({ slug: "caf2026", path: "2026", startDate: "2026-09-29", endDate: "2026-10-01" }), userId);
    if (!mistake.ok) throw new Error(JSON.stringify(mistake.errors));
    const id = mistake.edition.id;
    const copiedSessions = getDb().select({ id: sessions.id }).from(sessions).where(eq(sessions.eventId, id)).all().map((r) => r.id);
    expect(copiedSessions.length).toBeGreaterThan(0);
    expect(deleteEdition(id, userId)).toEqual({ ok: true });
    expect(getDb().select().from(events).where(eq(events.id, id)).get()).toBeUndefined();
    expect(getDb().select().from(rooms).where(eq(rooms.eventId, id)).all()).toEqual([]);
    expect(getDb().select().from(tracks).where(eq(tracks.eventId, id)).all()).toEqual([]);
    expect(getDb().select().from(sessions).where(eq(sessions.eventId, id)).all()).toEqual([]);
    expect(getDb().select().from(sessionDrafts).all().filter((d) => copiedSessions.includes(d.sessionId))).toEqual([]);
    expect(getDb().$client.pragma("foreign_key_check")).toEqual([]);
    // What was done to it stays in the audit log, with the deletion itself.
    const rows = getDb().select().from(auditLog).where(and(eq(auditLog.entity, "event"), eq(auditLog.entityId, id))).all();
    expect(rows.map((r) => r.action)).toEqual(["edition.create", "edition.delete"]);
    expect(rows.every((r) => r.eventId === null)).toBe(true);
    expect(deleteEdition(id, userId)).toEqual({ ok: false, reason: "unknownEdition" });
  });
});
