import { parsePhotoVariant } from "@/lib/speakers/photo";
import { speakerPhotoVariant } from "@/lib/uploads/speaker-photos";

/** `/files/speakers/<id>-<hash>-<width>.webp`: a speaker photo in one of the fixed sizes. */
export async function GET(_request: Request, { params }: RouteContext<"/files/speakers/[file]">) {
  const { file } = await params;
  const variant = parsePhotoVariant(file);
  const bytes = variant && (await speakerPhotoVariant(variant.stored, variant.width));
  if (!bytes) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": "image/webp",
      "content-length": String(bytes.length),
      // The name holds a hash of the content: a new photo gets a new address.
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    },
  });
}
