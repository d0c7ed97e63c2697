import { drain } from "@/lib/http/json-body";

/** The body, or null once it passes the limit: a huge upload is never held in memory whole. */
export async function readLimited(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  if (Number(request.headers.get("content-length") ?? 0) > limit) {
    drain(reader);
    return null;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      drain(reader, total);
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/** The `photo` file of a multipart body, or null when there is none (or the body is not multipart). */
export async function photoOf(request: Request, body: Uint8Array<ArrayBuffer>): Promise<File | null> {
  try {
    const form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
    const file = form.get("photo");
    return file instanceof File ? file : null;
  } catch {
    return null;
  }
}
