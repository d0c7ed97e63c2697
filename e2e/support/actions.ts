import { expect, type APIRequestContext, type Page, type Request } from "@playwright/test";

/** A Server Action call as the browser made it, to replay by hand with other credentials. */
export type CapturedAction = { url: string; headers: Record<string, string>; body: Buffer };

/**
 * Runs `submit` (which makes the page call a Server Action) and records that call: its address,
 * its Next-Action header and its body. Replaying it from another context is exactly the request
 * an attacker could craft.
 */
export async function captureAction(page: Page, submit: () => Promise<unknown>): Promise<CapturedAction> {
  const [request] = await Promise.all([
    page.waitForRequest((r: Request) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
    submit(),
  ]);
  const headers = await request.allHeaders();
  const keep: Record<string, string> = {};
  for (const name of ["next-action", "content-type", "accept", "next-router-state-tree", "origin"]) {
    if (headers[name]) keep[name] = headers[name]!;
  }
  const body = request.postDataBuffer();
  expect(body, "the action call has a body").not.toBeNull();
  return { url: request.url(), headers: keep, body: body! };
}

/** Sends a captured call again from `request` (signed out, or another user's context). */
export async function replayAction(request: APIRequestContext, action: CapturedAction) {
  return request.post(action.url, { headers: action.headers, data: action.body, maxRedirects: 0 });
}
