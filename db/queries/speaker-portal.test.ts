import { and, eq } from "drizzle-orm";
import { portalSchema } from "../../lib/speakers/portal-input";
import { getDb } from "../client";
import { auditLog, outbox, speakerInvitations, speakerProfileDrafts, speakers, users } from "../schema";
import { withSeededDatabase } from "../test-support";
import { beforeAll, describe, expect, it } from "vitest";
import {
  approveProfile,
  portalForConsole,
  portalView,
  proposePhoto,
  returnProfile,
  revokeSpeakerLink,
  sendSpeakerLink,
  speakerByToken,
  submitProfile,
} from "./speaker-portal";

withSeededDatabase("speaker-portal");

const organizer = { id: 1, actor: "user:1" };

beforeAll(() => {
  getDb().insert(users).values({ id: 1, email: "organizer@example.test", role: "organizer", passwordHash: "unused" }).run();
});
let n = 0;

/** An invented speaker, made for one test: never one of the seeded (real) people. */
function inventedSpeaker(): number {
  n += 1;
  return getDb()
    .insert(speakers)
    .values({ slug: `invented-speaker-${n}`, nameEn: `Invented Speaker ${n}`, bioEn: "Organizer's words.", listed: false })
    .returning({ id: speakers.id })
    .get().id;
}

const proposal = (over: Record<string, string> = {}) =>
  portalSchema.parse({
    bioEn: "A biography the invented speaker wrote.",
    bioZh: "虚构嘉宾自己写的简介。",
    organisationEn: "Invented Institute",
    organisationZh: "虚构研究所",
    websiteUrl: "https://example.org",
    linkedinUrl: "https://www.linkedin.com/in/invented",
    weiboUrl: "",
    wechatAccount: "虚构公众号",
    ...over,
  });

const auditActions = (speakerId: number) =>
  getDb()
    .select({ action: auditLog.action, actor: auditLog.actor })
    .from(auditLog)
    .where(and(eq(auditLog.entity, "speaker"), eq(auditLog.entityId, speakerId)))
    .orderBy(auditLog.id)
    .all();

const emailsTo = (to: string) => getDb().select().from(outbox).where(eq(outbox.to, to)).orderBy(outbox.id).all();

const publicRow = (id: number) => getDb().select().from(speakers).where(eq(speakers.id, id)).get()!;

describe("the speaker's link", () => {
  it("is emailed in the speaker's language and kept only as a hash", () => {
    const id = inventedSpeaker();
    const result = sendSpeakerLink(id, { email: `s${id}@example.test`, locale: "zh-CN" }, organizer);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const rows = getDb().select().from(speakerInvitations).where(eq(speakerInvitations.speakerId, id)).all();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(result.token);
    const [email] = emailsTo(`s${id}@example.test`);
    expect(email?.kind).toBe("speaker-invitation");
    expect(email?.subject).toMatch(/嘉宾页面/);
    expect(email?.text).toContain(`/zh-CN/speaker/link/${result.token}`);
    expect(speakerByToken(result.token)).toMatchObject({ ok: true, speaker: { role: "speaker", speakerId: id, locale: "zh-CN" } });
    expect(auditActions(id)).toEqual([{ action: "speaker.link.invite", actor: "user:1" }]);
    // The audit row names the invitation, never its secret.
    expect(JSON.stringify(getDb().select().from(auditLog).where(eq(auditLog.entityId, id)).all())).not.toContain(rows[0]!.tokenHash);
  });

  it("expires after 14 days", () => {
    const id = inventedSpeaker();
    const sent = new Date("2026-12-01T00:00:00Z");
    const result = sendSpeakerLink(id, { email: `s${id}@example.test`, locale: "en" }, organizer, sent);
    if (!result.ok) throw new Error("not sent");
    expect(speakerByToken(result.token, new Date("2026-12-14T23:59:59Z")).ok).toBe(true);
    expect(speakerByToken(result.token, new Date("2026-12-15T00:00:00Z"))).toEqual({ ok: false, state: "expired" });
  });

  it("renewed: a new link where the last went; the old one stops at once", () => {
    const id = inventedSpeaker();
    const first = sendSpeakerLink(id, { email: `s${id}@example.test`, locale: "en" }, organizer);
    const second = sendSpeakerLink(id, null, organizer);
    if (!first.ok || !second.ok) throw new Error("not sent");
    expect(speakerByToken(first.token)).toEqual({ ok: false, state: "revoked" });
    expect(speakerByToken(second.token).ok).toBe(true);
    expect(emailsTo(`s${id}@example.test`).map((e) => e.kind)).toEqual(["speaker-invitation", "speaker-invitation"]);
    expect(auditActions(id).map((a) => a.action)).toEqual(["speaker.link.invite", "speaker.link.renew"]);
  });

  it("revoked: refused at once; renewing needs an invitation first; an unknown token is unknown", () => {
    const id = inventedSpeaker();
    expect(sendSpeakerLink(id, null, organizer)).toEqual({ ok: false, reason: "noInvitation" });
    expect(revokeSpeakerLink(id, "user:1")).toBe(false);
    const sent = sendSpeakerLink(id, { email: `s${id}@example.test`, locale: "en" }, organizer);
    if (!sent.ok) throw new Error("not sent");
    expect(revokeSpeakerLink(id, "user:1")).toBe(true);
    expect(speakerByToken(sent.token)).toEqual({ ok: false, state: "revoked" });
    expect(revokeSpeakerLink(id, "user:1")).toBe(false);
    expect(portalForConsole(id)?.link?.state).toBe("revoked");
    expect(speakerByToken("A".repeat(32))).toEqual({ ok: false, state: "unknown" });
    expect(sendSpeakerLink(999_999, { email: "x@example.test", locale: "en" }, organizer)).toEqual({ ok: false, reason: "notFound" });
  });
});

describe("a speaker's proposal", () => {
  it("changes nothing public until an organizer approves it, then all of it, with an email and audit rows", () => {
    const id = inventedSpeaker();
    sendSpeakerLink(id, { email: `s${id}@example.test`, locale: "en" }, organizer);
    const before = publicRow(id);
    expect(submitProfile(id, proposal())).toEqual({ ok: true, status: "pending", discardedPhoto: null });
    expect(proposePhoto(id, `${id}-0123456789abcdef.webp`)).toEqual({ ok: true, replaced: null });
    expect(publicRow(id)).toEqual(before);
    const draft = portalForConsole(id)!.draft!;
    expect(draft.status).toBe("pending");
    expect(draft.proposal).toMatchObject({ bioEn: "A biography the invented speaker wrote.", websiteUrl: "https://example.org/", photoPath: `${id}-0123456789abcdef.webp` });

    // An approval of an older view of the proposal is refused: the organizer must see what they approve.
    expect(approveProfile(id, draft.updatedAt.getTime() - 1, "user:1")).toEqual({ ok: false, reason: "stale" });
    const approved = approveProfile(id, draft.updatedAt.getTime(), "user:1");
    expect(approved.ok).toBe(true);
    expect(publicRow(id)).toMatchObject({
      bioEn: "A biography the invented speaker wrote.",
      bioZh: "虚构嘉宾自己写的简介。",
      organisationEn: "Invented Institute",
      websiteUrl: "https://example.org/",
      linkedinUrl: "https://www.linkedin.com/in/invented",
      weiboUrl: null,
      wechatAccount: "虚构公众号",
      photoPath: `${id}-0123456789abcdef.webp`,
      nameEn: before.nameEn,
    });
    expect(getDb().select().from(speakerProfileDrafts).where(eq(speakerProfileDrafts.speakerId, id)).get()).toBeUndefined();
    expect(emailsTo(`s${id}@example.test`).map((e) => e.kind)).toEqual(["speaker-invitation", "speaker-approved"]);
    expect(auditActions(id)).toEqual([
      { action: "speaker.link.invite", actor: "user:1" },
      { action: "speaker.profile.submit", actor: `speaker:${id}` },
      { action: "speaker.profile.photo", actor: `speaker:${id}` },
      { action: "speaker.profile.approve", actor: "user:1" },
    ]);
    expect(approveProfile(id, 0, "user:1")).toEqual({ ok: false, reason: "nothingPending" });
  });

  it("sent back with a note: nothing public changes, the speaker is told and may send it again", () => {
    const id = inventedSpeaker();
    sendSpeakerLink(id, { email: `s${id}@example.test`, locale: "zh-CN" }, organizer);
    const before = publicRow(id);
    submitProfile(id, proposal({ bioEn: "Too long a story." }));
    const seen = portalForConsole(id)!.draft!.updatedAt.getTime();
    expect(returnProfile(id, seen, "Please shorten the biography.", "user:1")).toEqual({ ok: true });
    expect(publicRow(id)).toEqual(before);
    const view = portalView(id)!;
    expect(view.draft).toMatchObject({ status: "returned", note: "Please shorten the biography." });
    const [, returned] = emailsTo(`s${id}@example.test`);
    expect(returned?.kind).toBe("speaker-returned");
    expect(returned?.text).toContain("Please shorten the biography.");
    expect(returned?.subject).toMatch(/修改/);
    // A returned proposal waits for the speaker, not for an organizer.
    expect(approveProfile(id, portalForConsole(id)!.draft!.updatedAt.getTime(), "user:1")).toEqual({ ok: false, reason: "nothingPending" });
    submitProfile(id, proposal({ bioEn: "Short." }));
    expect(portalForConsole(id)!.draft).toMatchObject({ status: "pending", note: null });
    expect(auditActions(id).map((a) => a.action)).toEqual(["speaker.link.invite", "speaker.profile.submit", "speaker.profile.return", "speaker.profile.submit"]);
  });

  it("that matches what is public is no proposal, and clears one", () => {
    const id = inventedSpeaker();
    const row = publicRow(id);
    const same = { bioEn: row.bioEn, bioZh: row.bioZh, organisationEn: row.organisationEn, organisationZh: row.organisationZh, websiteUrl: "", linkedinUrl: "", weiboUrl: "", wechatAccount: "" };
    expect(submitProfile(id, proposal(same))).toMatchObject({ ok: true, status: "unchanged" });
    submitProfile(id, proposal());
    expect(submitProfile(id, proposal(same))).toMatchObject({ ok: true, status: "unchanged" });
    expect(portalForConsole(id)!.draft).toBeNull();
  });

  it("of another photo replaces the photo proposed before, which the caller deletes", () => {
    const id = inventedSpeaker();
    proposePhoto(id, `${id}-aaaaaaaaaaaaaaaa.webp`);
    expect(proposePhoto(id, `${id}-bbbbbbbbbbbbbbbb.webp`)).toEqual({ ok: true, replaced: `${id}-aaaaaaaaaaaaaaaa.webp` });
  });

  it("lists only the speaker's published sessions", () => {
    const id = inventedSpeaker();
    expect(portalView(id)?.appearances).toEqual([]);
    expect(portalView(999_999)).toBeUndefined();
  });
});
