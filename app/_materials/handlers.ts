/**
 * The upload endpoints of session materials, shared by the organizer console and the speaker
 * portal: each caller authenticates and authorises first (a role, or the speaker's own session)
 * and passes the actor and, where it works on one edition, that edition. The body is the file
 * itself (not multipart), streamed to disk: a 50 MB deck or a 2 GB video never sits in memory.
 */
import "server-only";
import {
  materialFileInUse,
  replacedFiles,
  setRecordingFile,
  setSlides,
  type MaterialsWrite,
} from "@/db/queries/materials";
import { proposeSlides, speakerOwnsSession } from "@/db/queries/material-proposals";
import { refreshPublicPages } from "@/lib/cache/refresh";
import { json } from "@/lib/http/respond";
import { sameOrigin } from "@/lib/http/same-origin";
import { materialUrl } from "@/lib/materials/files";
import { deleteMaterialFiles, receiveSlides, receiveVideo } from "@/lib/uploads/materials";

const STATUS: Record<string, number> = {
  slidesMissing: 400,
  slidesBadName: 400,
  slidesTooLarge: 413,
  slidesNotPdf: 415,
  slidesEncrypted: 422,
  slidesBroken: 422,
  videoMissing: 400,
  videoBadName: 400,
  videoTooLarge: 413,
  videoNotVideo: 415,
  offsetsBeyondLength: 409,
  notFound: 404,
  crossSite: 403,
};

export const refuse = (error: string) => json({ error }, STATUS[error] ?? 400);

/** The file's name as the browser sent it (percent-encoded in a header); only checked, never used to store. */
function fileName(request: Request): string {
  const raw = request.headers.get("x-file-name") ?? "";
  try {
    return decodeURIComponent(raw);
  } catch {
    return "\ufffd";
  }
}

function declaredLength(request: Request): number | null {
  const raw = request.headers.get("content-length");
  return raw && /^\d+$/.test(raw) ? Number(raw) : null;
}

/** After a write: refreshes the pages it shows on, and removes the files nobody names any more. */
async function settle(result: MaterialsWrite & { ok: true }): Promise<void> {
  refreshPublicPages({ kind: "materials", ...result.change });
  await deleteMaterialFiles(replacedFiles(result.before, result.after), materialFileInUse);
}

/** POST the PDF as the body: stores it and its preview for the session. */
export async function handleSlidesUpload(
  request: Request,
  sessionId: number,
  actor: string,
  eventId?: number,
): Promise<Response> {
  if (!sameOrigin(request)) return refuse("crossSite");
  const received = await receiveSlides(request.body, fileName(request), declaredLength(request));
  if (!received.ok) return refuse(received.error);
  const result = setSlides(sessionId, received.slides, actor, eventId);
  if (!result.ok) {
    await deleteMaterialFiles([received.slides.file, received.slides.preview], materialFileInUse);
    return refuse(result.error);
  }
  await settle(result);
  const { file, bytes, pages, preview } = received.slides;
  return json(
    { ok: true, url: materialUrl(file), previewUrl: materialUrl(preview), bytes, pages },
    201,
  );
}

/** POST an MP4 or WebM as the body: the session's recording, replacing a link. */
export async function handleVideoUpload(
  request: Request,
  sessionId: number,
  actor: string,
  eventId?: number,
): Promise<Response> {
  if (!sameOrigin(request)) return refuse("crossSite");
  const received = await receiveVideo(request.body, fileName(request), declaredLength(request));
  if (!received.ok) return refuse(received.error);
  const result = setRecordingFile(sessionId, received.video, actor, eventId);
  if (!result.ok) {
    await deleteMaterialFiles([received.video.file], materialFileInUse);
    return refuse(result.error);
  }
  await settle(result);
  const { file, bytes, seconds } = received.video;
  return json({ ok: true, url: materialUrl(file), bytes, seconds }, 201);
}

/**
 * POST the PDF as the body, from the speaker portal: the same checks, but the deck joins the
 * speaker's proposal for their own session, and nothing public changes until an organizer approves.
 * Another speaker's session, or one the portal does not show, is a 404 and leaves no file behind.
 */
export async function handleProposedSlidesUpload(
  request: Request,
  sessionId: number,
  speakerId: number,
): Promise<Response> {
  if (!sameOrigin(request)) return refuse("crossSite");
  // Before a byte is read: another speaker's session is not worth receiving 50 MB for.
  if (!speakerOwnsSession(speakerId, sessionId)) return refuse("notFound");
  const received = await receiveSlides(request.body, fileName(request), declaredLength(request));
  if (!received.ok) return refuse(received.error);
  const result = proposeSlides(speakerId, sessionId, received.slides);
  if (!result.ok) {
    await deleteMaterialFiles([received.slides.file, received.slides.preview], materialFileInUse);
    return refuse(result.error);
  }
  await deleteMaterialFiles(result.discarded, materialFileInUse);
  const { file, bytes, pages, preview } = received.slides;
  return json(
    { ok: true, url: materialUrl(file), previewUrl: materialUrl(preview), bytes, pages },
    201,
  );
}
