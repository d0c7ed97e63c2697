/** The browser's side of the personal agenda API (`/api/v1/me`), with the manage token as bearer. */
import { parseMe, type MeData } from "@/lib/personal-agenda/stars";

/** `status` 0: no answer at all (offline, or the request failed on the way). */
export type ApiResult = { ok: true; data: MeData } | { ok: false; status: number };

async function call(token: string, method: string, path: string, body?: unknown): Promise<ApiResult> {
  try {
    const response = await fetch(`/api/v1/me${path}`, {
      method,
      cache: "no-store",
      // A change still reaches the server when the person leaves the page right after making it.
      keepalive: method !== "GET",
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) return { ok: false, status: response.status };
    const data = parseMe(await response.json());
    return data ? { ok: true, data } : { ok: false, status: 0 };
  } catch {
    return { ok: false, status: 0 };
  }
}

export const fetchMe = (token: string) => call(token, "GET", "");
export const addStars = (token: string, slugs: readonly string[]) => call(token, "POST", "/stars", { sessions: slugs });
export const putStar = (token: string, slug: string) => call(token, "PUT", `/stars/${encodeURIComponent(slug)}`);
export const deleteStar = (token: string, slug: string) => call(token, "DELETE", `/stars/${encodeURIComponent(slug)}`);
