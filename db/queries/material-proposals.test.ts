import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { publicMaterials } from "../../lib/materials/public";
import { parseRecordingUrl } from "../../lib/materials/recording";
import { getDb } from "../client";
import { auditLog, events, outbox, sessionMaterialProposals, sessionMaterials, sessionSpeakers, sessions, speakers, users } from "../schema";
import { withSeededDatabase } from "../test-support";
import {
  approveMaterials,
  ownSession,
  portalMaterials,
  proposeMaterials,
  proposeSlides,
  returnMaterials,
  sessionsAwaitingReview,
  speakerOwnsSession,
} from "./material-proposals";
import { materialFileInUse } from "./materials";
import { sendSpeakerLink } from "./speaker-portal";

withSeededDatabase("material-proposals");

const organizer = "user:1";
const youtube = (() => {
  const link = parseRecordingUrl("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
  if (!link.ok) throw new Error("a YouTube link is on the allow-list");
  return link.link.url;
})();
const deck = (n: number) => ({ file: `${String(n).padStart(32, "a")}.pdf`, bytes: 2048 + n, pages: 2, preview: `${String(n).padStart(32, "b")}.webp` });

beforeAll(() => {
  getDb().insert(users).values({ id: 1, email: "organizer@example.test", role: "organizer", passwordHash: "unused" }).run();
});

let n = 0;
/** An invented speaker with an invitation (so that decisions email them), and a new session of theirs. */
function invented(status: "published" | "draft" = "published") {
  n += 1;
  const db = getDb();
  const speakerId = db
    .insert(speakers)
    .values({ slug: `invented-materials-${n}`, nameEn: `Invented Speaker ${n}`, nameZh: `虚构嘉宾${n}`, listed: true })
    .returning({ id: speakers.id })
    .get().id;
  const model = db.select().from(sessions).where(eq(sessions.status, "published")).get()!;
  const session = db
    .insert(sessions)
    .values({ ...model, id: undefined, slug: `invented-session-${n}`, titleEn: `Invented talk ${n}`, titleZh: `虚构演讲${n}`, status })
    .returning()
    .get();
  db.insert(sessionSpeakers).values({ sessionId: session.id, speakerId, role: "speaker" }).run();
  const email = `invented-${n}@example.test`;
  sendSpeakerLink(speakerId, { email, locale: n % 2 ? "en" : "zh-CN" }, { id: 1, actor: organizer });
  return { speakerId, slug: `invented-materials-${n}`, session, email, n };
}

const proposalOf = (sessionId: number) => getDb().select().from(sessionMaterialProposals).where(eq(sessionMaterialProposals.sessionId, sessionId)).get();
const publicOf = (sessionId: number) => publicMaterials(getDb().select().from(sessionMaterials).where(eq(sessionMaterials.sessionId, sessionId)).get());
const audit = (sessionId: number) =>
  getDb()
    .select({ action: auditLog.action, actor: auditLog.actor, eventId: auditLog.eventId })
    .from(auditLog)
    .where(and(eq(auditLog.entity, "session"), eq(auditLog.entityId, sessionId), like(auditLog.action, "materials.%")))
    .orderBy(auditLog.id)
    .all();
const emails = (to: string) => getDb().select().from(outbox).where(eq(outbox.to, to)).orderBy(outbox.id).all().filter((e) => e.kind !== "speaker-invitation");

describe("a speaker's materials: only their own sessions", () => {
  it("refuses another speaker's session as not found, and stores nothing", () => {
    const a = invented();
    const b = invented();
    expect(proposeMaterials(b.speakerId, a.session.id, { recordingUrl: youtube, slidesConsent: true, recordingConsent: true })).toEqual({ ok: false, error: "notFound" });
    expect(proposeSlides(b.speakerId, a.session.id, deck(1))).toEqual({ ok: false, error: "notFound" });
    expect(proposalOf(a.session.id)).toBeUndefined();
    expect(audit(a.session.id)).toEqual([]);
    expect(materialFileInUse(deck(1).file)).toBe(false);
    expect(portalMaterials(b.speakerId, [a.session.id]).size).toBe(0);
    expect(ownSession(getDb(), b.speakerId, a.session.id)).toBeUndefined();
    expect(speakerOwnsSession(b.speakerId, a.session.id)).toBe(false);
    // Negative control: the session's own speaker may.
    expect(ownSession(getDb(), a.speakerId, a.session.id)?.id).toBe(a.session.id);
    expect(speakerOwnsSession(a.speakerId, a.session.id)).toBe(true);
  });

  it("refuses a session the portal does not show (an organizer's draft) and one that does not exist", () => {
    const a = invented("draft");
    expect(proposeMaterials(a.speakerId, a.session.id, { recordingUrl: youtube, slidesConsent: true, recordingConsent: true })).toEqual({ ok: false, error: "notFound" });
    expect(proposeSlides(a.speakerId, 999_999, deck(2))).toEqual({ ok: false, error: "notFound" });
    expect(proposalOf(a.session.id)).toBeUndefined();
  });
});

describe("pending, then approved or sent back", () => {
  it("keeps the proposal out of public view until an organizer approves the version they saw", () => {
    const a = invented();
    const slides = proposeSlides(a.speakerId, a.session.id, deck(3));
    expect(slides).toMatchObject({ ok: true, status: "pending" });
    expect(materialFileInUse(deck(3).file)).toBe(true);
    const sent = proposeMaterials(a.speakerId, a.session.id, { recordingUrl: youtube, slidesConsent: true, recordingConsent: true });
    expect(sent).toMatchObject({ ok: true, status: "pending" });
    const pending = proposalOf(a.session.id)!;
    expect(pending).toMatchObject({ status: "pending", slidesFile: deck(3).file, recordingUrl: youtube, slidesConsent: true, recordingConsent: true, speakerId: a.speakerId });
    expect(publicOf(a.session.id)).toEqual({ slides: null, recording: null });
    expect(sessionsAwaitingReview(a.session.eventId).has(a.session.id)).toBe(true);

    // Another edition's console does not find it; a version the organizer did not see is not approved.
    const other = getDb().insert(events).values({ ...getDb().select().from(events).get()!, id: undefined, slug: `other-${n}`, path: `o${n}`, isCurrent: false }).returning().get();
    expect(approveMaterials(a.session.id, pending.updatedAt.getTime(), organizer, other.id)).toEqual({ ok: false, error: "notFound" });
    expect(approveMaterials(a.session.id, pending.updatedAt.getTime() - 1, organizer, a.session.eventId)).toEqual({ ok: false, error: "stale" });
    expect(publicOf(a.session.id)).toEqual({ slides: null, recording: null });

    const approved = approveMaterials(a.session.id, pending.updatedAt.getTime(), organizer, a.session.eventId);
    expect(approved.ok).toBe(true);
    if (!approved.ok) return;
    expect(approved.change.sessionSlugs).toEqual([a.session.slug]);
    expect(approved.change.speakerSlugs).toEqual([a.slug]);
    const shown = publicOf(a.session.id);
    expect(shown.slides).toMatchObject({ url: `/files/materials/${deck(3).file}`, bytes: deck(3).bytes });
    expect(shown.recording).toMatchObject({ kind: "link" });
    expect(proposalOf(a.session.id)).toBeUndefined();
    expect(sessionsAwaitingReview(a.session.eventId).has(a.session.id)).toBe(false);
    // The deck is now the public one: still in use.
    expect(materialFileInUse(deck(3).file)).toBe(true);
    expect(audit(a.session.id).map((r) => [r.action, r.actor])).toEqual([
      ["materials.proposal.slides", `speaker:${a.speakerId}`],
      ["materials.proposal.submit", `speaker:${a.speakerId}`],
      ["materials.proposal.approve", organizer],
    ]);
    expect(audit(a.session.id).every((r) => r.eventId === a.session.eventId)).toBe(true);
    const mail = emails(a.email);
    expect(mail.map((e) => e.kind)).toEqual(["speaker-materials-approved"]);
    expect(mail[0]!.text).toContain(a.n % 2 ? `Invented talk ${a.n}` : `虚构演讲${a.n}`);
    // Nothing is left to approve twice.
    expect(approveMaterials(a.session.id, pending.updatedAt.getTime(), organizer, a.session.eventId)).toEqual({ ok: false, error: "nothingPending" });
  });

  it("publishes only what the speaker consented to", () => {
    const a = invented();
    proposeSlides(a.speakerId, a.session.id, deck(4));
    proposeMaterials(a.speakerId, a.session.id, { recordingUrl: youtube, slidesConsent: false, recordingConsent: true });
    const seen = proposalOf(a.session.id)!.updatedAt.getTime();
    expect(approveMaterials(a.session.id, seen, organizer, a.session.eventId).ok).toBe(true);
    const shown = publicOf(a.session.id);
    expect(shown.slides).toBeNull();
    expect(shown.recording).toMatchObject({ kind: "link" });
  });

  it("sent back with a note: nothing public changes, the speaker is emailed, and may send it again", () => {
    const a = invented();
    proposeMaterials(a.speakerId, a.session.id, { recordingUrl: youtube, slidesConsent: false, recordingConsent: true });
    const seen = proposalOf(a.session.id)!.updatedAt.getTime();
    expect(returnMaterials(a.session.id, seen, "Please link the full recording.", organizer, a.session.eventId)).toEqual({ ok: true });
    expect(proposalOf(a.session.id)).toMatchObject({ status: "returned", note: "Please link the full recording." });
    expect(publicOf(a.session.id)).toEqual({ slides: null, recording: null });
    expect(sessionsAwaitingReview(a.session.eventId).has(a.session.id)).toBe(false);
    const mail = emails(a.email);
    expect(mail.map((e) => e.kind)).toEqual(["speaker-materials-returned"]);
    expect(mail[0]!.text).toContain("Please link the full recording.");
    // A returned proposal cannot be approved; edited again, it waits once more, without the old note.
    expect(approveMaterials(a.session.id, proposalOf(a.session.id)!.updatedAt.getTime(), organizer, a.session.eventId)).toEqual({ ok: false, error: "nothingPending" });
    proposeMaterials(a.speakerId, a.session.id, { recordingUrl: youtube, slidesConsent: false, recordingConsent: true });
    expect(proposalOf(a.session.id)).toMatchObject({ status: "pending", note: null });
    expect(audit(a.session.id).map((r) => r.action)).toEqual(["materials.proposal.submit", "materials.proposal.return", "materials.proposal.submit"]);
  });

  it("a proposal that matches what is public is none: it is withdrawn", () => {
    const a = invented();
    proposeMaterials(a.speakerId, a.session.id, { recordingUrl: youtube, slidesConsent: false, recordingConsent: true });
    expect(proposeMaterials(a.speakerId, a.session.id, { recordingUrl: null, slidesConsent: false, recordingConsent: false })).toMatchObject({ ok: true, status: "unchanged" });
    expect(proposalOf(a.session.id)).toBeUndefined();
    expect(audit(a.session.id).map((r) => r.action)).toEqual(["materials.proposal.submit", "materials.proposal.withdraw"]);
  });
});
