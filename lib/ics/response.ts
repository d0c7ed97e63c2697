import { etagOf, notModified } from "../http/etag";

export type CalendarFile = { filename: string; body: string };

export type CalendarCaching = "public" | "private";

const CACHE_CONTROL: Record<CalendarCaching, string> = {
  public: "public, max-age=300",
  // The personal feed's address is its only secret: no shared cache may keep a copy.
  private: "private, no-store",
};

export function calendarResponse(request: Request, file: CalendarFile, caching: CalendarCaching): Response {
  const etag = etagOf(file.body);
  const headers: Record<string, string> = {
    "cache-control": CACHE_CONTROL[caching],
    etag,
    "x-content-type-options": "nosniff",
  };
  if (caching === "private") {
    headers["x-robots-tag"] = "noindex";
    headers["referrer-policy"] = "no-referrer";
  }
  if (notModified(request, etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(file.body, {
    status: 200,
    headers: {
      ...headers,
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `inline; filename="${file.filename}"`,
    },
  });
}

export function notFoundResponse(): Response {
  return new Response("404 Not Found · 页面不存在\n", {
    status: 404,
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

export function badRequestResponse(message: string): Response {
  return new Response(`${message}\n`, {
    status: 400,
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
