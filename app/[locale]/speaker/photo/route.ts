import { requireRouteSpeaker } from "@/auth/speaker";
import { proposePhoto } from "@/db/queries/speaker-portal";
import { json } from "@/lib/http/respond";
import { sameOrigin } from "@/lib/http/same-origin";
import { MAX_PHOTO_BYTES, checkPhotoUpload, photoUrl, type PhotoError } from "@/lib/speakers/photo";
import { photoOf, readLimited } from "@/lib/uploads/read-limited";
import { deleteSpeakerPhoto, storeSpeakerPhoto } from "@/lib/uploads/speaker-photos";

/** Room for the multipart wrapping around a file of the largest size allowed. */
const MAX_BODY_BYTES = MAX_PHOTO_BYTES + 64 * 1024;

const STATUS: Record<PhotoError | "notFound" | "crossSite", number> = {
  photoMissing: 400,
  photoBadName: 400,
  photoTooLarge: 413,
  photoNotImage: 415,
  photoUnreadable: 422,
  notFound: 404,
  crossSite: 403,
};

const refuse = (error: keyof typeof STATUS) => json({ error }, STATUS[error]);

/**
 * POST multipart `photo`: the signed-in speaker's proposed photo, through the console's pipeline
 * (checked by its bytes, re-encoded by sharp). It joins their proposal; the public page keeps its
 * photo until an organizer approves. Whose photo it is comes from the portal's cookie alone.
 */
export async function POST(request: Request) {
  const speaker = await requireRouteSpeaker();
  if (speaker instanceof Response) return speaker;
  if (!sameOrigin(request)) return refuse("crossSite");
  const body = await readLimited(request, MAX_BODY_BYTES);
  if (!body) return refuse("photoTooLarge");
  const file = await photoOf(request, body);
  if (!file) return refuse("photoMissing");
  const bytes = new Uint8Array(await file.arrayBuffer());
  const checked = checkPhotoUpload({ name: file.name, size: bytes.byteLength, head: bytes.subarray(0, 16) });
  if (!checked.ok) return refuse(checked.error);
  const stored = await storeSpeakerPhoto(speaker.speakerId, bytes, checked.type);
  if (!stored) return refuse("photoUnreadable");
  const result = proposePhoto(speaker.speakerId, stored);
  if (!result.ok) {
    await deleteSpeakerPhoto(stored);
    return refuse("notFound");
  }
  if (result.replaced) await deleteSpeakerPhoto(result.replaced);
  return json({ ok: true, url: photoUrl(stored, 240) }, 201);
}
