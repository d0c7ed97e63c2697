/**
 * The materials speakers propose for their own sessions (slides, a recording link, the consent to
 * publish each) and the organizers' decision on them. Nothing a speaker proposes reaches
 * `session_materials` (what the public session page shows) but through `approveMaterials`. A
 * speaker may touch only a session they are on, and only one the portal shows them (published or
 * cancelled): any other answers "notFound" and stores nothing. Every step writes an audit row and
 * every email goes through the outbox, in the transaction that makes it.
 */
import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { publicBaseUrl } from "../../lib/registration/urls";
import { getDb, type Db, type Tx } from "../client";
import {
  sessionMaterialProposals,
  sessionMaterials,
  sessionSpeakers,
  sessions,
  speakerInvitations,
  speakers,
  type SessionMaterialProposal,
  type SessionMaterials,
} from "../schema";
import { recordAudit } from "./audit";
import { changeOf, snapshot, type MaterialsChange, type SlidesFiles } from "./materials";
import { enqueueSpeakerEmail } from "./outbox";

const actorOfSpeaker = (speakerId: number) => `speaker:${speakerId}`;

type OwnSession = { id: number; slug: string; eventId: number; titleEn: string; titleZh: string | null };

/**
 * The session, if this speaker is on it and the portal shows it to them; never another speaker's
 * session, nor an organizer's draft.
 */
export function ownSession(db: Db | Tx, speakerId: number, sessionId: number): OwnSession | undefined {
  return db
    .select({ id: sessions.id, slug: sessions.slug, eventId: sessions.eventId, titleEn: sessions.titleEn, titleZh: sessions.titleZh })
    .from(sessionSpeakers)
    .innerJoin(sessions, eq(sessions.id, sessionSpeakers.sessionId))
    .where(
      and(
        eq(sessionSpeakers.speakerId, speakerId),
        eq(sessionSpeakers.sessionId, sessionId),
        inArray(sessions.status, ["published", "cancelled"]),
      ),
    )
    .get();
}

/** Whether the speaker may propose materials for the session (see `ownSession`). */
export const speakerOwnsSession = (speakerId: number, sessionId: number): boolean => Boolean(ownSession(getDb(), speakerId, sessionId));

const publicRow = (db: Db | Tx, sessionId: number) =>
  db.select().from(sessionMaterials).where(eq(sessionMaterials.sessionId, sessionId)).get() ?? null;

const proposalRow = (db: Db | Tx, sessionId: number) =>
  db.select().from(sessionMaterialProposals).where(eq(sessionMaterialProposals.sessionId, sessionId)).get() ?? null;

/** A proposal to change nothing is no proposal. */
function changesNothing(p: Pick<SessionMaterialProposal, "slidesFile" | "recordingUrl" | "slidesConsent" | "recordingConsent">, pub: SessionMaterials | null): boolean {
  return (
    p.slidesFile === null &&
    (p.recordingUrl === null || p.recordingUrl === pub?.recordingUrl) &&
    p.slidesConsent === Boolean(pub?.slidesPublished) &&
    p.recordingConsent === Boolean(pub?.recordingPublished)
  );
}

/** The proposal as the audit log keeps it. */
const record = (p: SessionMaterialProposal | null) =>
  p && { status: p.status, speakerId: p.speakerId, slidesFile: p.slidesFile, slidesBytes: p.slidesBytes, recordingUrl: p.recordingUrl, slidesConsent: p.slidesConsent, recordingConsent: p.recordingConsent, note: p.note };

export type ProposeResult = { ok: true; status: "pending" | "unchanged"; discarded: string[] } | { ok: false; error: "notFound" };

/** The files a proposal held that its replacement no longer does (to delete unless used elsewhere). */
const dropped = (before: SessionMaterialProposal | null, after: { slidesFile: string | null; slidesPreview: string | null } | null) =>
  [before?.slidesFile, before?.slidesPreview].filter((f): f is string => Boolean(f) && f !== after?.slidesFile && f !== after?.slidesPreview);

function save(
  tx: Tx,
  speakerId: number,
  session: OwnSession,
  action: string,
  next: (before: SessionMaterialProposal | null, pub: SessionMaterials | null) => Omit<typeof sessionMaterialProposals.$inferInsert, "sessionId" | "eventId" | "speakerId" | "status">,
  now: Date,
): ProposeResult {
  const before = proposalRow(tx, session.id);
  const pub = publicRow(tx, session.id);
  const values = { slidesFile: null, slidesBytes: null, slidesPages: null, slidesPreview: null, recordingUrl: null, slidesConsent: false, recordingConsent: false, ...next(before, pub) };
  if (changesNothing({ ...values, slidesConsent: values.slidesConsent ?? false, recordingConsent: values.recordingConsent ?? false }, pub)) {
    if (before) {
      tx.delete(sessionMaterialProposals).where(eq(sessionMaterialProposals.sessionId, session.id)).run();
      recordAudit(tx, { actor: actorOfSpeaker(speakerId), action: "materials.proposal.withdraw", entity: "session", entityId: session.id, before: record(before) });
    }
    return { ok: true, status: "unchanged", discarded: dropped(before, null) };
  }
  const set = { ...values, speakerId, status: "pending" as const, note: null, updatedAt: now };
  const after = tx
    .insert(sessionMaterialProposals)
    .values({ sessionId: session.id, eventId: session.eventId, ...set })
    .onConflictDoUpdate({ target: sessionMaterialProposals.sessionId, set })
    .returning()
    .get();
  recordAudit(tx, { actor: actorOfSpeaker(speakerId), action, entity: "session", entityId: session.id, before: record(before), after: record(after) });
  return { ok: true, status: "pending", discarded: dropped(before, after) };
}

/** What a new proposal starts from: the speaker's earlier one, else what is public. */
const startFrom = (before: SessionMaterialProposal | null, pub: SessionMaterials | null) => ({
  slidesFile: before?.slidesFile ?? null,
  slidesBytes: before?.slidesBytes ?? null,
  slidesPages: before?.slidesPages ?? null,
  slidesPreview: before?.slidesPreview ?? null,
  recordingUrl: before?.recordingUrl ?? null,
  slidesConsent: before?.slidesConsent ?? Boolean(pub?.slidesPublished),
  recordingConsent: before?.recordingConsent ?? Boolean(pub?.recordingPublished),
});

/** A deck the speaker uploaded joins their proposal for the session; the public page keeps its own. */
export function proposeSlides(speakerId: number, sessionId: number, slides: SlidesFiles, now = new Date()): ProposeResult {
  return getDb().transaction(
    (tx) => {
      const session = ownSession(tx, speakerId, sessionId);
      if (!session) return { ok: false as const, error: "notFound" as const };
      return save(tx, speakerId, session, "materials.proposal.slides", (before, pub) => ({
        ...startFrom(before, pub),
        slidesFile: slides.file,
        slidesBytes: slides.bytes,
        slidesPages: slides.pages,
        slidesPreview: slides.preview,
      }), now);
    },
    { behavior: "immediate" },
  );
}

export type ProposalInput = {
  /** A link on the allow-list, in its canonical form; null keeps the public recording. */
  recordingUrl: string | null;
  slidesConsent: boolean;
  recordingConsent: boolean;
};

/** The speaker's recording link and consents for the session, kept for an organizer to approve. */
export function proposeMaterials(speakerId: number, sessionId: number, input: ProposalInput, now = new Date()): ProposeResult {
  return getDb().transaction(
    (tx) => {
      const session = ownSession(tx, speakerId, sessionId);
      if (!session) return { ok: false as const, error: "notFound" as const };
      return save(tx, speakerId, session, "materials.proposal.submit", (before, pub) => ({ ...startFrom(before, pub), ...input }), now);
    },
    { behavior: "immediate" },
  );
}

export type MaterialsPair = { current: SessionMaterials | null; proposal: SessionMaterialProposal | null };

/** For the portal: what is public and what the speaker proposed, for each session of theirs. */
export function portalMaterials(speakerId: number, sessionIds: readonly number[]): Map<number, MaterialsPair> {
  const db = getDb();
  const own = new Set(
    sessionIds.length === 0
      ? []
      : db
          .select({ id: sessionSpeakers.sessionId })
          .from(sessionSpeakers)
          .where(and(eq(sessionSpeakers.speakerId, speakerId), inArray(sessionSpeakers.sessionId, [...sessionIds])))
          .all()
          .map((r) => r.id),
  );
  return new Map([...own].map((id) => [id, { current: publicRow(db, id), proposal: proposalRow(db, id) }]));
}

/** For the console's materials page: a speaker's proposal beside what is public, with who proposed it. */
export function proposalForConsole(sessionId: number, eventId: number) {
  const db = getDb();
  const proposal = db
    .select()
    .from(sessionMaterialProposals)
    .where(and(eq(sessionMaterialProposals.sessionId, sessionId), eq(sessionMaterialProposals.eventId, eventId)))
    .get();
  if (!proposal) return null;
  const speaker = db.select({ nameEn: speakers.nameEn, nameZh: speakers.nameZh }).from(speakers).where(eq(speakers.id, proposal.speakerId)).get();
  return { proposal, speaker: speaker ?? null };
}

/** The edition's sessions whose proposals wait for an organizer, for the console's list. */
export function sessionsAwaitingReview(eventId: number): Set<number> {
  return new Set(
    getDb()
      .select({ id: sessionMaterialProposals.sessionId })
      .from(sessionMaterialProposals)
      .where(and(eq(sessionMaterialProposals.eventId, eventId), eq(sessionMaterialProposals.status, "pending")))
      .all()
      .map((r) => r.id),
  );
}

function emailSpeaker(tx: Tx, proposal: SessionMaterialProposal, session: { titleEn: string; titleZh: string | null }, kind: "speaker-materials-approved" | "speaker-materials-returned", note: string | null): void {
  const link = tx.select().from(speakerInvitations).where(eq(speakerInvitations.speakerId, proposal.speakerId)).orderBy(desc(speakerInvitations.id)).limit(1).get();
  const speaker = tx.select().from(speakers).where(eq(speakers.id, proposal.speakerId)).get();
  if (!link || !speaker) return;
  const zh = link.locale === "zh-CN";
  enqueueSpeakerEmail(tx, {
    kind,
    to: link.email,
    data: {
      locale: link.locale,
      name: zh ? (speaker.nameZh ?? speaker.nameEn) : speaker.nameEn,
      url: `${publicBaseUrl()}/${link.locale}/speaker`,
      session: zh ? (session.titleZh ?? session.titleEn) : session.titleEn,
      note,
    },
  });
}

type Refusal = "notFound" | "nothingPending" | "stale";

export type ApproveResult =
  | { ok: true; before: SessionMaterials | null; after: SessionMaterials; change: MaterialsChange }
  | { ok: false; error: Refusal };

/** The pending proposal the organizer saw (`seen`: its time), of a session of their edition. */
function pendingSeen(tx: Tx, sessionId: number, eventId: number, seen: number): { error: Refusal } | { error: null; session: OwnSession; proposal: SessionMaterialProposal } {
  const session = tx
    .select({ id: sessions.id, slug: sessions.slug, eventId: sessions.eventId, titleEn: sessions.titleEn, titleZh: sessions.titleZh })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.eventId, eventId)))
    .get();
  if (!session) return { error: "notFound" as const };
  const proposal = proposalRow(tx, sessionId);
  if (!proposal || proposal.status !== "pending") return { error: "nothingPending" as const };
  // A later change by the speaker is never approved unseen.
  if (proposal.updatedAt.getTime() !== seen) return { error: "stale" as const };
  return { error: null, session, proposal };
}

/**
 * The proposal goes public: its slides and link replace the public ones (a link replaces an uploaded
 * video, whose length no longer holds), and each is published only with the speaker's consent.
 */
export function approveMaterials(sessionId: number, seen: number, actor: string, eventId: number): ApproveResult {
  return getDb().transaction(
    (tx) => {
      const found = pendingSeen(tx, sessionId, eventId, seen);
      if (found.error) return { ok: false as const, error: found.error };
      const { session, proposal: p } = found;
      const before = publicRow(tx, sessionId);
      const slides = p.slidesFile
        ? { slidesFile: p.slidesFile, slidesBytes: p.slidesBytes, slidesPages: p.slidesPages, slidesPreview: p.slidesPreview }
        : {};
      const newLink = p.recordingUrl !== null && p.recordingUrl !== before?.recordingUrl;
      const recording = newLink ? { recordingUrl: p.recordingUrl, recordingFile: null, recordingBytes: null, recordingSeconds: null } : {};
      const hasSlides = Boolean(p.slidesFile ?? before?.slidesFile);
      const hasRecording = Boolean(newLink || before?.recordingUrl || before?.recordingFile);
      const values = {
        ...slides,
        ...recording,
        slidesPublished: p.slidesConsent && hasSlides,
        recordingPublished: p.recordingConsent && hasRecording,
      };
      const after = tx
        .insert(sessionMaterials)
        .values({ sessionId, eventId: session.eventId, ...values })
        .onConflictDoUpdate({ target: sessionMaterials.sessionId, set: { ...values, updatedAt: new Date() } })
        .returning()
        .get();
      tx.delete(sessionMaterialProposals).where(eq(sessionMaterialProposals.sessionId, sessionId)).run();
      recordAudit(tx, { actor, action: "materials.proposal.approve", entity: "session", entityId: sessionId, before: snapshot(before), after: snapshot(after) });
      emailSpeaker(tx, p, session, "speaker-materials-approved", null);
      return { ok: true as const, before, after, change: changeOf(tx, session) };
    },
    { behavior: "immediate" },
  );
}

/** Sends the proposal back with a note: nothing public changes; the speaker is emailed. */
export function returnMaterials(sessionId: number, seen: number, note: string, actor: string, eventId: number): { ok: true } | { ok: false; error: Refusal } {
  return getDb().transaction(
    (tx) => {
      const found = pendingSeen(tx, sessionId, eventId, seen);
      if (found.error) return { ok: false as const, error: found.error };
      tx.update(sessionMaterialProposals)
        .set({ status: "returned", note, updatedAt: new Date() })
        .where(eq(sessionMaterialProposals.sessionId, sessionId))
        .run();
      recordAudit(tx, { actor, action: "materials.proposal.return", entity: "session", entityId: sessionId, before: { status: "pending" }, after: { status: "returned", note } });
      emailSpeaker(tx, found.proposal, found.session, "speaker-materials-returned", note);
      return { ok: true as const };
    },
    { behavior: "immediate" },
  );
}
