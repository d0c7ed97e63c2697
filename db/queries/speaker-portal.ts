/**
 * The speaker portal: the private links organizers send (invite, renew, revoke), the profile changes
 * speakers propose, and the organizers' decision on them. Nothing a speaker proposes reaches
 * `speakers` (the public profile) but through `approveProfile`. Every step writes an audit row, in
 * the transaction that makes it, and every email goes through the outbox in that transaction too.
 */
import "server-only";
import { and, asc, desc, eq, gt, inArray, isNull } from "drizzle-orm";
import { expiryText, linkExpiry, linkState, newPortalToken, portalLinkUrl, tokenHash, type LinkState } from "../../lib/speakers/portal-link";
import type { PortalInput, ProfileProposal } from "../../lib/speakers/portal-input";
import { publicBaseUrl } from "../../lib/registration/urls";
import { getDb, type Db, type Tx } from "../client";
import { events, rooms, sessionSpeakers, sessions, speakerInvitations, speakerProfileDrafts, speakers, type Speaker, type SpeakerInvitation } from "../schema";
import { recordAudit } from "./audit";
import { enqueueSpeakerEmail } from "./outbox";

export type PortalLocale = "en" | "zh-CN";

/** The public profile's fields a speaker may propose changes to. */
export function publicProfile(s: Speaker): ProfileProposal {
  return {
    bioEn: s.bioEn,
    bioZh: s.bioZh,
    organisationEn: s.organisationEn,
    organisationZh: s.organisationZh,
    websiteUrl: s.websiteUrl,
    linkedinUrl: s.linkedinUrl,
    weiboUrl: s.weiboUrl,
    wechatAccount: s.wechatAccount,
    photoPath: s.photoPath,
  };
}

/** The invitation as the audit log keeps it: never the token, nor its hash. */
const invitationRecord = (i: SpeakerInvitation) => ({ invitationId: i.id, email: i.email, locale: i.locale, expiresAt: i.expiresAt.toISOString() });

function latestInvitation(db: Db | Tx, speakerId: number): SpeakerInvitation | undefined {
  return db.select().from(speakerInvitations).where(eq(speakerInvitations.speakerId, speakerId)).orderBy(desc(speakerInvitations.id)).limit(1).get();
}

function currentTimeZone(db: Db | Tx): string {
  return db.select({ timeZone: events.timeZone }).from(events).where(eq(events.isCurrent, true)).get()?.timeZone ?? "UTC";
}

function revokeActive(tx: Tx, speakerId: number, now: Date): number {
  return tx
    .update(speakerInvitations)
    .set({ revokedAt: now })
    .where(and(eq(speakerInvitations.speakerId, speakerId), isNull(speakerInvitations.revokedAt), gt(speakerInvitations.expiresAt, now)))
    .run().changes;
}

export type InviteResult = { ok: true; token: string; invitation: SpeakerInvitation } | { ok: false; reason: "notFound" | "noInvitation" };

/**
 * A new link for the speaker, emailed in their language; their earlier links stop working. Without
 * `to`, renews: the new link goes where the latest one went, in its language.
 */
export function sendSpeakerLink(
  speakerId: number,
  to: { email: string; locale: PortalLocale } | null,
  actor: { id: number; actor: string },
  now = new Date(),
): InviteResult {
  return getDb().transaction(
    (tx) => {
      const speaker = tx.select().from(speakers).where(eq(speakers.id, speakerId)).get();
      if (!speaker) return { ok: false as const, reason: "notFound" as const };
      const previous = latestInvitation(tx, speakerId);
      const target = to ?? (previous ? { email: previous.email, locale: previous.locale } : null);
      if (!target) return { ok: false as const, reason: "noInvitation" as const };
      const revoked = revokeActive(tx, speakerId, now);
      const { token, hash } = newPortalToken();
      const invitation = tx
        .insert(speakerInvitations)
        .values({ speakerId, email: target.email, locale: target.locale, tokenHash: hash, expiresAt: linkExpiry(now), createdBy: actor.id, createdAt: now })
        .returning()
        .get();
      enqueueSpeakerEmail(tx, {
        kind: "speaker-invitation",
        to: target.email,
        data: {
          locale: target.locale,
          name: target.locale === "zh-CN" ? (speaker.nameZh ?? speaker.nameEn) : speaker.nameEn,
          url: portalLinkUrl(publicBaseUrl(), target.locale, token),
          validUntil: expiryText(invitation.expiresAt, target.locale, currentTimeZone(tx)),
        },
      });
      recordAudit(tx, {
        actor: actor.actor,
        action: to ? "speaker.link.invite" : "speaker.link.renew",
        entity: "speaker",
        entityId: speakerId,
        before: previous ? { ...invitationRecord(previous), revoked: revoked > 0 } : null,
        after: invitationRecord(invitation),
      });
      return { ok: true as const, token, invitation };
    },
    { behavior: "immediate" },
  );
}

/** Stops the speaker's link at once; false when none was working. */
export function revokeSpeakerLink(speakerId: number, actor: string, now = new Date()): boolean {
  return getDb().transaction(
    (tx) => {
      const active = latestInvitation(tx, speakerId);
      if (!active || linkState(active, now) !== "active") return false;
      revokeActive(tx, speakerId, now);
      recordAudit(tx, { actor, action: "speaker.link.revoke", entity: "speaker", entityId: speakerId, before: invitationRecord(active), after: { revokedAt: now.toISOString() } });
      return true;
    },
    { behavior: "immediate" },
  );
}

export type PortalSpeaker = { role: "speaker"; speakerId: number; invitationId: number; locale: PortalLocale; email: string };

/** Whose link a token is, if it still works; else why not ("unknown" for one we never made). */
export function speakerByToken(token: string, now = new Date()): { ok: true; speaker: PortalSpeaker } | { ok: false; state: Exclude<LinkState, "active"> | "unknown" } {
  const row = getDb().select().from(speakerInvitations).where(eq(speakerInvitations.tokenHash, tokenHash(token))).get();
  if (!row) return { ok: false, state: "unknown" };
  const state = linkState(row, now);
  if (state !== "active") return { ok: false, state };
  return { ok: true, speaker: { role: "speaker", speakerId: row.speakerId, invitationId: row.id, locale: row.locale, email: row.email } };
}

export type LinkStatus = { state: LinkState; email: string; locale: PortalLocale; expiresAt: Date; revokedAt: Date | null; createdAt: Date };

export type ProfileDraft = { status: "pending" | "returned"; proposal: ProfileProposal; note: string | null; updatedAt: Date };

function readDraft(db: Db | Tx, speakerId: number): ProfileDraft | undefined {
  const row = db.select().from(speakerProfileDrafts).where(eq(speakerProfileDrafts.speakerId, speakerId)).get();
  if (!row) return undefined;
  return { status: row.status, proposal: row.data as ProfileProposal, note: row.note, updatedAt: row.updatedAt };
}

/** For the console's speaker page: the link's state, and a proposal beside what is public. */
export function portalForConsole(speakerId: number, now = new Date()) {
  const db = getDb();
  const speaker = db.select().from(speakers).where(eq(speakers.id, speakerId)).get();
  if (!speaker) return undefined;
  const latest = latestInvitation(db, speakerId);
  const link: LinkStatus | null = latest
    ? { state: linkState(latest, now), email: latest.email, locale: latest.locale, expiresAt: latest.expiresAt, revokedAt: latest.revokedAt, createdAt: latest.createdAt }
    : null;
  return { link, current: publicProfile(speaker), draft: readDraft(db, speakerId) ?? null };
}

/** The speakers whose proposals wait for an organizer, for the console's list. */
export function speakersAwaitingReview(): Set<number> {
  return new Set(
    getDb()
      .select({ id: speakerProfileDrafts.speakerId })
      .from(speakerProfileDrafts)
      .where(eq(speakerProfileDrafts.status, "pending"))
      .all()
      .map((r) => r.id),
  );
}

/**
 * What the speaker sees: their name, what is public, their proposal if any, and their sessions in
 * every edition (time and room, read-only). Sessions never published are the organizers' drafts and
 * stay out.
 */
export function portalView(speakerId: number) {
  const db = getDb();
  const speaker = db.select().from(speakers).where(eq(speakers.id, speakerId)).get();
  if (!speaker) return undefined;
  const appearances = db
    .select({
      id: sessions.id,
      slug: sessions.slug,
      titleEn: sessions.titleEn,
      titleZh: sessions.titleZh,
      status: sessions.status,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      role: sessionSpeakers.role,
      roomEn: rooms.nameEn,
      roomZh: rooms.nameZh,
      edition: { id: events.id, path: events.path, nameEn: events.nameEn, nameZh: events.nameZh, timeZone: events.timeZone, isCurrent: events.isCurrent },
    })
    .from(sessionSpeakers)
    .innerJoin(sessions, eq(sessions.id, sessionSpeakers.sessionId))
    .innerJoin(events, eq(events.id, sessions.eventId))
    .leftJoin(rooms, eq(rooms.id, sessions.roomId))
    .where(and(eq(sessionSpeakers.speakerId, speakerId), inArray(sessions.status, ["published", "cancelled"])))
    .orderBy(desc(events.startDate), asc(sessions.startsAt))
    .all();
  return {
    name: { en: speaker.nameEn, zh: speaker.nameZh },
    slug: speaker.slug,
    current: publicProfile(speaker),
    draft: readDraft(db, speakerId) ?? null,
    appearances,
  };
}

export type PortalView = NonNullable<ReturnType<typeof portalView>>;

function writeDraft(tx: Tx, speakerId: number, proposal: ProfileProposal, now: Date): void {
  tx.insert(speakerProfileDrafts)
    .values({ speakerId, status: "pending", data: proposal, note: null, updatedAt: now })
    .onConflictDoUpdate({ target: speakerProfileDrafts.speakerId, set: { status: "pending", data: proposal, note: null, updatedAt: now } })
    .run();
}

export type SubmitResult = { ok: true; status: "pending" | "unchanged"; discardedPhoto: string | null } | { ok: false; reason: "notFound" };

const actorOfSpeaker = (speakerId: number) => `speaker:${speakerId}`;

/**
 * The speaker's proposal, kept for an organizer to approve. A proposal that matches what is public
 * is no proposal: it clears the draft (and any photo only it held).
 */
export function submitProfile(speakerId: number, input: PortalInput, now = new Date()): SubmitResult {
  return getDb().transaction(
    (tx) => {
      const speaker = tx.select().from(speakers).where(eq(speakers.id, speakerId)).get();
      if (!speaker) return { ok: false as const, reason: "notFound" as const };
      const before = readDraft(tx, speakerId);
      const current = publicProfile(speaker);
      const proposal: ProfileProposal = { ...input, photoPath: before?.proposal.photoPath ?? current.photoPath };
      const same = (Object.keys(proposal) as (keyof ProfileProposal)[]).every((k) => (proposal[k] ?? null) === (current[k] ?? null));
      if (same) {
        if (before) {
          tx.delete(speakerProfileDrafts).where(eq(speakerProfileDrafts.speakerId, speakerId)).run();
          recordAudit(tx, { actor: actorOfSpeaker(speakerId), action: "speaker.profile.withdraw", entity: "speaker", entityId: speakerId, before: before.proposal });
        }
        const photo = before?.proposal.photoPath;
        return { ok: true as const, status: "unchanged" as const, discardedPhoto: photo && photo !== current.photoPath ? photo : null };
      }
      writeDraft(tx, speakerId, proposal, now);
      recordAudit(tx, { actor: actorOfSpeaker(speakerId), action: "speaker.profile.submit", entity: "speaker", entityId: speakerId, before: before?.proposal ?? current, after: proposal });
      return { ok: true as const, status: "pending" as const, discardedPhoto: null };
    },
    { behavior: "immediate" },
  );
}

/** A photo the speaker uploaded joins their proposal; answers the photo it replaces there, to delete. */
export function proposePhoto(speakerId: number, photoPath: string, now = new Date()): { ok: true; replaced: string | null } | { ok: false } {
  return getDb().transaction(
    (tx) => {
      const speaker = tx.select().from(speakers).where(eq(speakers.id, speakerId)).get();
      if (!speaker) return { ok: false as const };
      const before = readDraft(tx, speakerId);
      const base = before?.proposal ?? publicProfile(speaker);
      writeDraft(tx, speakerId, { ...base, photoPath }, now);
      recordAudit(tx, { actor: actorOfSpeaker(speakerId), action: "speaker.profile.photo", entity: "speaker", entityId: speakerId, before: { photoPath: base.photoPath }, after: { photoPath } });
      const old = before?.proposal.photoPath ?? null;
      return { ok: true as const, replaced: old && old !== photoPath && old !== speaker.photoPath ? old : null };
    },
    { behavior: "immediate" },
  );
}

export type DecisionResult =
  | { ok: true; before: Speaker; after: Speaker; replacedPhoto: string | null }
  | { ok: false; reason: "notFound" | "nothingPending" | "stale" };

function emailSpeaker(tx: Tx, speaker: Speaker, kind: "speaker-approved" | "speaker-returned", note: string | null): void {
  const link = latestInvitation(tx, speaker.id);
  if (!link) return;
  enqueueSpeakerEmail(tx, {
    kind,
    to: link.email,
    data: {
      locale: link.locale,
      name: link.locale === "zh-CN" ? (speaker.nameZh ?? speaker.nameEn) : speaker.nameEn,
      url: `${publicBaseUrl()}/${link.locale}/speaker`,
      note,
    },
  });
}

/**
 * Approves the proposal the organizer saw (`seen`: its time, so that a later edit of the speaker is
 * not approved unseen): the public profile takes it, the draft goes, the speaker is emailed.
 */
export function approveProfile(speakerId: number, seen: number, actor: string): DecisionResult {
  return getDb().transaction(
    (tx) => {
      const before = tx.select().from(speakers).where(eq(speakers.id, speakerId)).get();
      if (!before) return { ok: false as const, reason: "notFound" as const };
      const draft = readDraft(tx, speakerId);
      if (!draft || draft.status !== "pending") return { ok: false as const, reason: "nothingPending" as const };
      if (draft.updatedAt.getTime() !== seen) return { ok: false as const, reason: "stale" as const };
      const p = draft.proposal;
      const after = tx
        .update(speakers)
        .set({
          bioEn: p.bioEn,
          bioZh: p.bioZh,
          organisationEn: p.organisationEn,
          organisationZh: p.organisationZh,
          websiteUrl: p.websiteUrl,
          linkedinUrl: p.linkedinUrl,
          weiboUrl: p.weiboUrl,
          wechatAccount: p.wechatAccount,
          photoPath: p.photoPath,
          updatedAt: new Date(),
        })
        .where(eq(speakers.id, speakerId))
        .returning()
        .get();
      tx.delete(speakerProfileDrafts).where(eq(speakerProfileDrafts.speakerId, speakerId)).run();
      recordAudit(tx, { actor, action: "speaker.profile.approve", entity: "speaker", entityId: speakerId, before: publicProfile(before), after: publicProfile(after) });
      emailSpeaker(tx, after, "speaker-approved", null);
      const replacedPhoto = before.photoPath && before.photoPath !== after.photoPath ? before.photoPath : null;
      return { ok: true as const, before, after, replacedPhoto };
    },
    { behavior: "immediate" },
  );
}

/** Sends the proposal back with a note: nothing public changes; the speaker is emailed. */
export function returnProfile(speakerId: number, seen: number, note: string, actor: string): { ok: true } | { ok: false; reason: "notFound" | "nothingPending" | "stale" } {
  return getDb().transaction(
    (tx) => {
      const speaker = tx.select().from(speakers).where(eq(speakers.id, speakerId)).get();
      if (!speaker) return { ok: false as const, reason: "notFound" as const };
      const draft = readDraft(tx, speakerId);
      if (!draft || draft.status !== "pending") return { ok: false as const, reason: "nothingPending" as const };
      if (draft.updatedAt.getTime() !== seen) return { ok: false as const, reason: "stale" as const };
      tx.update(speakerProfileDrafts).set({ status: "returned", note, updatedAt: new Date() }).where(eq(speakerProfileDrafts.speakerId, speakerId)).run();
      recordAudit(tx, { actor, action: "speaker.profile.return", entity: "speaker", entityId: speakerId, before: { status: "pending" }, after: { status: "returned", note } });
      emailSpeaker(tx, speaker, "speaker-returned", note);
      return { ok: true as const };
    },
    { behavior: "immediate" },
  );
}
