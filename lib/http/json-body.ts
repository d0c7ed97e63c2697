/** Reads a request body as one JSON object, without ever holding more than `maxBytes` of it. */
export type JsonBodyResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; status: 400 | 413 | 415; error: string };

export function isJsonContentType(value: string | null): boolean {
  if (!value) return false;
  const type = value.split(";")[0]!.trim().toLowerCase();
  return type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

export async function readJsonObject(request: Request, maxBytes: number): Promise<JsonBodyResult> {
  if (!isJsonContentType(request.headers.get("content-type"))) {
    discard(request);
    return {
      ok: false,
      status: 415,
      error: "The body must be JSON, sent with Content-Type: application/json.",
    };
  }
  const tooLarge = {
    ok: false,
    status: 413,
    error: `The body must be at most ${maxBytes} bytes.`,
  } as const;
  const declared = request.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= maxBytes)) {
    discard(request);
    return tooLarge;
  }
  const bytes = await readCapped(request, maxBytes);
  if (!bytes) return tooLarge;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, status: 400, error: "The body is not valid UTF-8." };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, status: 400, error: "The body is not valid JSON." };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, status: 400, error: "The body must be a JSON object." };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** The body's bytes, or null as soon as there are more than `maxBytes` (whatever Content-Length said). */
async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      drain(reader, size);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * How much of a refused body is still read, and thrown away, after the answer. A connection closed
 * while the client is still sending is reset, and the reset can destroy the answer before the
 * client reads it: it would see a broken connection instead of its 413. Past this, it is cut.
 */
export const DRAIN_LIMIT = 32 * 1024 * 1024;

/** Reads the rest of a body nobody wants, in the background, up to DRAIN_LIMIT, then lets it go. */
export function drain(reader: ReadableStreamDefaultReader<Uint8Array>, alreadyRead = 0): void {
  void (async () => {
    let size = alreadyRead;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.byteLength;
      if (size > DRAIN_LIMIT) return reader.cancel();
    }
  })().catch(() => {});
}

/** A body that will not be read: drained in the background (see drain). */
function discard(request: Request): void {
  if (request.body && !request.bodyUsed) drain(request.body.getReader());
}
