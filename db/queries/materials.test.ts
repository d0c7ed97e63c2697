import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicMaterials } from "../../lib/materials/public";
import { quoteSchema } from "../../lib/quotes-editor/input";
import { speakerSchema } from "../../lib/speakers/input";
import { encryptedPdf, makePdf, pngBytes, truncatedPdf } from "../../lib/materials/test-pdfs";
import { deleteMaterialFiles, materialsDir, receiveSlides } from "../../lib/uploads/materials";
import { getDb } from "../client";
import { auditLog, events, sessionSpeakers, sessions } from "../schema";
import { withSeededDatabase } from "../test-support";
import {
  materialFileInUse,
  removeSlides,
  replacedFiles,
  setConsent,
  setRecordingLength,
  setRecordingLink,
  setSlides,
} from "./materials";
import { createQuote } from "./quotes-admin";
import { listQuotes } from "./quotes";
import { getPublicSession } from "./sessions";
import { createSpeaker } from "./speakers-admin";

withSeededDatabase("materials");
const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "forum-materials-uploads-"));
beforeAll(() => {
  process.env.UPLOADS_DIR = uploads;
});
afterAll(() => fs.rmSync(uploads, { recursive: true, force: true }));

const actor = "user:1";
const stream = (bytes: Uint8Array) => new Blob([new Uint8Array(bytes)]).stream();
const stored = () => (fs.existsSync(materialsDir()) ? fs.readdirSync(materialsDir()).sort() : []);

function aSession() {
  const row = getDb().select().from(sessions).where(eq(sessions.status, "published")).get();
  if (!row) throw new Error("the seed has a published session");
  return row;
}

/** An invented person on the session: a real person's words never name a session. */
function inventedSpeakerOn(sessionId: number): number {
  const speaker = createSpeaker(
    speakerSchema.parse({
      nameEn: "Ada Testperson",
      nameZh: "",
      titleEn: "",
      titleZh: "",
      organisationEn: "",
      organisationZh: "",
      bioEn: "",
      bioZh: "",
      listed: true,
    }),
    actor,
  );
  getDb()
    .insert(sessionSpeakers)
    .values({ sessionId, speakerId: speaker.id, role: "speaker" })
    .run();
  return speaker.id;
}

const quote = (speakerId: number, sessionId: string, recordingOffset: string) =>
  quoteSchema.safeParse({
    speakerId: String(speakerId),
    kind: "direct",
    language: "en",
    text: "Words of a fictitious test person, from the site's own recording.",
    translation: "",
    saidOn: "",
    sessionId,
    recordingOffset,
    topicIds: [],
    sourceMode: "new",
    sourceId: "",
    sourcePublisher: "",
    sourceTitle: "Forum recording (test)",
    sourcePublishedOn: "2024-07-12",
    sourceUrl: "",
  });

describe("slides", () => {
  it("stores a good PDF and its preview under their content's hash, and nothing for a refused one", async () => {
    const refused = [
      [await pngBytes(), "slides.pdf", "slidesNotPdf"],
      [await encryptedPdf(), "slides.pdf", "slidesEncrypted"],
      [await truncatedPdf(), "slides.pdf", "slidesBroken"],
    ] as const;
    for (const [bytes, name, error] of refused) {
      expect(await receiveSlides(stream(bytes), name, bytes.length)).toEqual({ ok: false, error });
    }
    expect(await receiveSlides(stream(new Uint8Array(10)), "big.pdf", 60 * 1024 * 1024)).toEqual({
      ok: false,
      error: "slidesTooLarge",
    });
    expect(stored()).toEqual([]);

    const received = await receiveSlides(stream(await makePdf()), "deck.pdf", null);
    if (!received.ok) throw new Error(received.error);
    expect(received.slides.file).toMatch(/^[0-9a-f]{32}\.pdf$/);
    expect(received.slides.preview).toMatch(/^[0-9a-f]{32}\.webp$/);
    expect(received.slides.pages).toBe(2);
    expect(stored()).toEqual([received.slides.file, received.slides.preview].sort());
  });

  it("shows on the public page only with the consent to publish, and each step is audited in the session's edition", async () => {
    const session = aSession();
    const received = await receiveSlides(stream(await makePdf()), "deck.pdf", null);
    if (!received.ok) throw new Error(received.error);
    const saved = setSlides(session.id, received.slides, actor, session.eventId);
    expect(saved.ok).toBe(true);
    expect(getPublicSession(session.slug, session.eventId)?.materials.slides).toBeNull();

    // Consent to publish the recording too, but there is none: it stays unpublished.
    const consent = setConsent(
      session.id,
      { slides: true, recording: true },
      actor,
      session.eventId,
    );
    expect(consent.ok && [consent.after.slidesPublished, consent.after.recordingPublished]).toEqual(
      [true, false],
    );
    const shown = getPublicSession(session.slug, session.eventId)?.materials.slides;
    expect(shown).toMatchObject({
      url: `/files/materials/${received.slides.file}`,
      previewUrl: `/files/materials/${received.slides.preview}`,
      pages: 2,
    });

    const rows = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "session"), eq(auditLog.entityId, session.id)))
      .all()
      .map((r) => [r.action, r.actor, r.eventId]);
    expect(rows).toEqual([
      ["materials.slides.set", actor, session.eventId],
      ["materials.consent", actor, session.eventId],
    ]);
  });

  it("refuses a session of another edition than the one the caller works on", async () => {
    const session = aSession();
    const other = getDb()
      .insert(events)
      .values({
        slug: "test-other",
        path: "test-other",
        nameEn: "Other",
        nameZh: "其他",
        venueEn: "V",
        venueZh: "V",
        timeZone: "Asia/Shanghai",
        startDate: "2030-01-01",
        endDate: "2030-01-02",
      })
      .returning()
      .get();
    expect(
      setSlides(
        session.id,
        { file: "a".repeat(32) + ".pdf", bytes: 1, pages: 1, preview: "b".repeat(32) + ".webp" },
        actor,
        other.id,
      ),
    ).toEqual({ ok: false, error: "notFound" });
    expect(setConsent(999_999, { slides: true, recording: true }, actor)).toEqual({
      ok: false,
      error: "notFound",
    });
  });

  it("removing the slides withdraws them, and their files go once no session names them", async () => {
    const session = aSession();
    const before = getDb()
      .query.sessionMaterials.findFirst({ where: (m, { eq: e }) => e(m.sessionId, session.id) })
      .sync();
    const removed = removeSlides(session.id, actor, session.eventId);
    if (!removed.ok) throw new Error(removed.error);
    expect(publicMaterials(removed.after).slides).toBeNull();
    const gone = replacedFiles(removed.before, removed.after);
    expect(gone).toEqual([before!.slidesFile, before!.slidesPreview]);
    await deleteMaterialFiles(gone, materialFileInUse);
    for (const name of gone) expect(stored()).not.toContain(name);
  });
});

describe("a quote's moment in the recording", () => {
  it("must have a session, fall within the recording's known length, and links there once the recording is public", () => {
    const session = aSession();
    const speakerId = inventedSpeakerOn(session.id);

    const noSession = quote(speakerId, "", "1:00");
    expect(noSession.success).toBe(false);
    expect(noSession.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["recordingOffset", "offsetNeedsSession"],
    ]);
    expect(quote(speakerId, String(session.id), "-0:10").error?.issues[0]?.message).toBe(
      "offsetNegative",
    );

    expect(
      setRecordingLink(
        session.id,
        "https://www.bilibili.com/video/BV1GJ411x7h7",
        600,
        actor,
        session.eventId,
      ).ok,
    ).toBe(true);
    const beyond = createQuote(quote(speakerId, String(session.id), "10:01").data!, actor);
    expect(beyond).toEqual({ ok: false, errors: { recordingOffset: "offsetBeyondRecording" } });

    const saved = createQuote(quote(speakerId, String(session.id), "5:00").data!, actor);
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    expect(saved.quote.recordingOffset).toBe(300);
    // A shorter length would leave the quote's moment past the end.
    expect(setRecordingLength(session.id, 299, actor, session.eventId)).toEqual({
      ok: false,
      error: "offsetsBeyondLength",
    });

    const card = () => listQuotes().find((q) => q.id === saved.quote.id);
    expect(card()?.moment).toBeNull();
    setConsent(session.id, { slides: false, recording: true }, actor, session.eventId);
    expect(card()).toMatchObject({ moment: 300, session: { slug: session.slug } });
    expect(getPublicSession(session.slug, session.eventId)?.materials.recording).toMatchObject({
      kind: "link",
      host: "bilibili",
      seconds: 600,
    });
  });
});
