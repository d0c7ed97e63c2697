import { and, eq, isNull, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../client";
import { registrationInput, withSeededDatabase } from "../test-support";
import { auditLog, certificates, checkIns, sessionFeedback, sessions, sessionSpeakers, speakers } from "../schema";
import { register } from "./registrations";
import { feedbackPage, feedbackSummaries, rateableSessions, saveFeedback, sessionAnswers, speakerFeedback, exportFeedback } from "./feedback";
import { issueCertificate, verifyCertificate } from "./certificates";
import { getEvent } from "./event";
import { feedbackClosesAt } from "../../lib/feedback/rules";
import { zonedDate } from "../../lib/time";

withSeededDatabase("feedback");

/** A published session of the first day without a seat limit, and one of another day. */
function pick() {
  const event = getEvent();
  const all = getDb().select().from(sessions).where(and(eq(sessions.eventId, event.id), eq(sessions.status, "published"), isNull(sessions.seatLimit))).all();
  const open = all.find((s) => zonedDate(s.startsAt, event.timeZone) === event.startDate)!;
  const otherDay = all.find((s) => zonedDate(s.startsAt, event.timeZone) !== event.startDate)!;
  const booked = getDb().select().from(sessions).where(and(eq(sessions.eventId, event.id), eq(sessions.status, "published"), isNotNull(sessions.seatLimit))).get()!;
  return { event, open, otherDay, booked };
}

const person = () => register(registrationInput({ days: [getEvent().startDate] })).registration;
const count = () => getDb().select().from(sessionFeedback).all().length;

describe("feedback", () => {
  it("writes one answer per person and session, edits it in place, and audits both", () => {
    const { open } = pick();
    const reg = person();
    const after = new Date(open.endsAt.getTime() + 60_000);
    expect(saveFeedback(reg, open.id, { rating: 4, comment: "Good" }, after)).toEqual({ ok: true, created: true });
    expect(saveFeedback(reg, open.id, { rating: 2, comment: "On reflection" }, after)).toEqual({ ok: true, created: false });
    const rows = getDb().select().from(sessionFeedback).where(eq(sessionFeedback.registrationId, reg.id)).all();
    expect(rows.map((r) => [r.rating, r.comment])).toEqual([[2, "On reflection"]]);
    const audit = getDb().select().from(auditLog).where(and(eq(auditLog.entity, "session_feedback"), eq(auditLog.entityId, rows[0]!.id))).all();
    expect(audit.map((a) => [a.actor, a.action, a.eventId])).toEqual([
      [`attendee:${reg.code}`, "feedback.create", open.eventId],
      [`attendee:${reg.code}`, "feedback.update", open.eventId],
    ]);
    expect(feedbackPage(reg, open.id, after)).toMatchObject({ found: true, refusal: null, answer: { rating: 2, comment: "On reflection" } });
  });

  it("refuses, writing nothing: before the end, after the window, a session not registered for, another edition's or a draft", () => {
    const { event, open, otherDay, booked } = pick();
    const reg = person();
    const before = count();
    const audits = getDb().select().from(auditLog).all().length;
    expect(saveFeedback(reg, open.id, { rating: 5, comment: "" }, new Date(open.endsAt.getTime() - 1))).toEqual({ ok: false, reason: "notEnded" });
    expect(saveFeedback(reg, open.id, { rating: 5, comment: "" }, feedbackClosesAt(event))).toEqual({ ok: false, reason: "closed" });
    expect(saveFeedback(reg, otherDay.id, { rating: 5, comment: "" }, new Date(otherDay.endsAt.getTime() + 1))).toEqual({ ok: false, reason: "notRegistered" });
    expect(saveFeedback(reg, booked.id, { rating: 5, comment: "" }, new Date(booked.endsAt.getTime() + 1))).toEqual({ ok: false, reason: "notRegistered" });
    expect(saveFeedback(reg, 999_999, { rating: 5, comment: "" }, new Date(open.endsAt.getTime() + 1))).toEqual({ ok: false, reason: "notFound" });
    expect(feedbackPage(reg, 999_999)).toEqual({ found: false });
    expect(count()).toBe(before);
    expect(getDb().select().from(auditLog).all().length).toBe(audits);
  });

  it("lists the ended sessions the person registered for, and none once the window closed", () => {
    const { event, open, otherDay } = pick();
    const reg = person();
    const now = new Date(open.endsAt.getTime() + 1);
    const listed = rateableSessions(reg, now);
    expect(listed.map((s) => s.id)).toContain(open.id);
    expect(listed.map((s) => s.id)).not.toContain(otherDay.id);
    expect(listed.every((s) => s.endsAt <= now)).toBe(true);
    expect(rateableSessions(reg, feedbackClosesAt(event))).toEqual([]);
  });

  it("summarises per session for the console, exports with names, and shows a speaker the answers without them", () => {
    const { event, open } = pick();
    const after = new Date(open.endsAt.getTime() + 1);
    const [a, b] = [person(), person()];
    saveFeedback(a, open.id, { rating: 5, comment: "Superb" }, after);
    saveFeedback(b, open.id, { rating: 3, comment: "" }, after);
    const summary = feedbackSummaries(event.id).find((s) => s.id === open.id)!;
    const all = getDb().select().from(sessionFeedback).where(eq(sessionFeedback.sessionId, open.id)).all();
    expect(summary.count).toBe(all.length);
    expect(summary.distribution.reduce((x, y) => x + y, 0)).toBe(all.length);
    expect(sessionAnswers(event.id, open.id).map((x) => x.fullName)).toEqual(expect.arrayContaining([a.fullName, b.fullName]));
    expect(sessionAnswers(event.id + 1000, open.id)).toEqual([]);
    expect(exportFeedback(event.id, "en").filter((r) => r.code === a.code)).toEqual([expect.objectContaining({ rating: 5, comment: "Superb", fullName: a.fullName, sessionSlug: open.slug })]);

    const { lastInsertRowid } = getDb().insert(speakers).values({ slug: "feedback-test-speaker", nameEn: "Invented Speaker", listed: false }).run();
    const speakerId = Number(lastInsertRowid);
    getDb().insert(sessionSpeakers).values({ sessionId: open.id, speakerId, role: "speaker" }).run();
    const own = speakerFeedback(speakerId);
    expect(own).toHaveLength(1);
    expect(own[0]!.summary.count).toBe(all.length);
    expect(JSON.stringify(own)).not.toContain(a.fullName);
    expect(JSON.stringify(own)).not.toContain(a.code);
    expect(own[0]!.answers.map((x) => x.comment)).toContain("Superb");
    expect(Object.keys(own[0]!.answers[0]!).sort()).toEqual(["comment", "rating", "updatedAt"]);
  });
});

describe("certificates", () => {
  it("are only for someone checked in, keep their code, audit the first issue and verify name, forum and days", () => {
    const event = getEvent();
    const reg = person();
    expect(issueCertificate(reg)).toEqual({ ok: false, reason: "notCheckedIn" });
    expect(getDb().select().from(certificates).where(eq(certificates.registrationId, reg.id)).all()).toEqual([]);

    getDb().insert(checkIns).values({ registrationId: reg.id, day: event.startDate, method: "code" }).run();
    const first = issueCertificate(reg);
    const again = issueCertificate(reg);
    if (!first.ok || !again.ok) throw new Error("not issued");
    expect(again.code).toBe(first.code);
    expect(first.days).toEqual([event.startDate]);
    const rows = getDb().select().from(auditLog).where(and(eq(auditLog.entity, "certificate"), eq(auditLog.actor, `attendee:${reg.code}`))).all();
    expect(rows.map((r) => [r.action, r.eventId])).toEqual([["certificate.issue", event.id]]);

    const verified = verifyCertificate(first.code);
    expect(verified).toMatchObject({ fullName: reg.fullName, days: [event.startDate], edition: { id: event.id } });
    expect(verifyCertificate("ABCD-EFGH-JKMN-PQRS-TUVW")).toBeUndefined();
  });
});
