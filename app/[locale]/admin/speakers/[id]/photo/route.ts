import { revalidatePath } from "next/cache";
import { actorOf, requireRouteUser } from "@/auth/guard";
import { setSpeakerPhoto, speakerExists } from "@/db/queries/speakers-admin";
import { json } from "@/lib/http/respond";
import { sameOrigin } from "@/lib/http/same-origin";
import { MAX_PHOTO_BYTES, checkPhotoUpload, photoUrl, type PhotoError } from "@/lib/speakers/photo";
import { deleteSpeakerPhoto, storeSpeakerPhoto } from "@/lib/uploads/speaker-photos";
import { readLimited } from "@/lib/uploads/read-limited";
import { refreshPublicPages } from "@/lib/cache/refresh";

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

/** POST multipart `photo`: replaces the speaker's photo. Answers JSON: the new address or an error code. */
export async function POST(request: Request, { params }: RouteContext<"/[locale]/admin/speakers/[id]/photo">) {
  const user = await requireRouteUser("speakers");
  if (user instanceof Response) return user;
  if (!sameOrigin(request)) return refuse("crossSite");
  const { id: rawId } = await params;
  if (!/^[1-9]\d{0,9}$/.test(rawId)) return refuse("notFound");
  const id = Number(rawId);

  const body = await readLimited(request, MAX_BODY_BYTES);
  if (!body) return refuse("photoTooLarge");
  let file: FormDataEntryValue | null = null;
  try {
    const form = await new Response(body, {
      headers: { "content-type": request.headers.get("content-type") ?? "" },
    }).formData();
    file = form.get("photo");
  } catch {
    return refuse("photoMissing");
  }
  if (!(file instanceof File)) return refuse("photoMissing");
  const bytes = new Uint8Array(await file.arrayBuffer());
  const checked = checkPhotoUpload({ name: file.name, size: bytes.byteLength, head: bytes.subarray(0, 16) });
  if (!checked.ok) return refuse(checked.error);
  if (!speakerExists(id)) return refuse("notFound");

  const stored = await storeSpeakerPhoto(id, bytes, checked.type);
  if (!stored) return refuse("photoUnreadable");
  const change = setSpeakerPhoto(id, stored, actorOf(user));
  if (!change) {
    await deleteSpeakerPhoto(stored);
    return refuse("notFound");
  }
  if (change.before.photoPath && change.before.photoPath !== stored) await deleteSpeakerPhoto(change.before.photoPath);
  revalidatePath("/[locale]/admin/speakers", "layout");
  refreshPublicPages({ kind: "photo", before: change.before, after: change.after });
  return json({ ok: true, photoPath: stored, url: photoUrl(stored, 240) }, 201);
}
