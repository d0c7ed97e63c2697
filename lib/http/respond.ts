/**
 * JSON answers of the API: never stored by a browser or a shared cache. They carry their length:
 * server/compress-response.mjs then leaves a small answer (a registration's 201, an error) as it
 * is, where gzip would make it larger and cost a compressor per answer, and compresses a large one.
 */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  return new Response(text, {
    status,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-length": String(Buffer.byteLength(text)),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      ...headers,
    },
  });
}

export function problem(
  status: number,
  error: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return json({ error, ...extra }, status, headers);
}
