/**
 * Answers of the public, read-only endpoints (REST API, schedule exports): cacheable by anyone,
 * readable from any origin, with an ETag so that a client holding the same bytes gets a 304.
 */
import { etagOf, notModified } from "./etag";
import { guarded } from "./guarded";

export const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  // ETag is not a CORS-safelisted response header: scripts on other origins could not read it.
  "access-control-expose-headers": "ETag",
} as const;

export const READ_METHODS = "GET, HEAD, OPTIONS";

export type PublicResponseOptions = {
  contentType: string;
  /** Seconds a browser or shared cache may keep the answer. */
  maxAge: number;
  status?: number;
};

/** 200 with the body, or 304 without it when the client already holds these bytes. */
export function publicResponse(
  request: Request,
  body: string,
  options: PublicResponseOptions,
): Response {
  const etag = etagOf(body);
  const headers: Record<string, string> = {
    ...CORS_HEADERS,
    "cache-control": `public, max-age=${options.maxAge}`,
    etag,
    "x-content-type-options": "nosniff",
  };
  const status = options.status ?? 200;
  if (status === 200 && notModified(request, etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, {
    status,
    headers: { ...headers, "content-type": options.contentType },
  });
}

export function publicJson(request: Request, value: unknown, maxAge = 60): Response {
  return publicResponse(request, JSON.stringify(value), {
    contentType: "application/json; charset=utf-8",
    maxAge,
  });
}

const HEADER_LIST = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(?:\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$/;

/** The answer to a CORS preflight (and to a plain OPTIONS): only reading is allowed. */
export function preflight(request: Request): Response {
  const asked = request.headers.get("access-control-request-headers")?.trim() ?? "";
  // No credentials are ever accepted (the origin is *), so any well-formed header may be sent.
  const allowHeaders = asked.length <= 1000 && HEADER_LIST.test(asked) ? asked : "If-None-Match";
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      allow: READ_METHODS,
      "access-control-allow-methods": READ_METHODS,
      "access-control-allow-headers": allowHeaders,
      "access-control-max-age": "86400",
      "cache-control": "public, max-age=86400",
    },
  });
}

/**
 * `guarded` for a public endpoint: every answer, errors included, may be read from any origin,
 * so that a script elsewhere sees the 404 or 400 rather than a CORS failure.
 */
export function publicRoute<A extends unknown[]>(
  handler: (...args: A) => Response | Promise<Response>,
) {
  const inner = guarded(async (...args: A) => handler(...args));
  return async (...args: A): Promise<Response> => {
    const response = await inner(...args);
    for (const [name, value] of Object.entries(CORS_HEADERS)) response.headers.set(name, value);
    return response;
  };
}
