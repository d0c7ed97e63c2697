import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { currentUser } from "@/auth/guard";
import { guarded } from "@/lib/http/guarded";
import { problem } from "@/lib/http/respond";

/**
 * Auth.js answers a refused request as a browser flow wants it: a redirect to the sign-in page
 * with ?error=. Only scripts call these endpoints (the console signs in through its own form's
 * Server Action), so a refusal is answered as one, in JSON: a missing or wrong CSRF token 403,
 * wrong credentials 401 (429 while locked, or while too many sign-ins are being checked), anything
 * else Auth.js refuses 400.
 */
function refusal(response: Response): Response {
  const location = response.headers.get("location");
  if (response.status < 300 || response.status >= 400 || !location) return response;
  const params = new URL(location, "http://forum.invalid").searchParams;
  const error = params.get("error");
  if (error === null) return response;
  const locked = /^locked-(\d+)$/.exec(params.get("code") ?? "");
  if (locked) {
    return problem(429, "Too many failed sign-ins: try again later.", {}, { "retry-after": String(Number(locked[1]) * 60) });
  }
  if (params.get("code") === "busy") {
    return problem(429, "Many sign-ins are being checked right now: try again in a moment.", {}, { "retry-after": "1" });
  }
  if (error === "MissingCSRF") return problem(403, "The CSRF token is missing or wrong: get one from /api/auth/csrf first.");
  if (error === "CredentialsSignin") return problem(401, "Wrong email or password.");
  return problem(400, "This request to the sign-in endpoints was refused.", { code: error.slice(0, 40) });
}

export const GET = guarded(async (request: NextRequest): Promise<Response> => {
  const response = refusal(await handlers.GET(request));
  // Auth.js reads the session from the cookie alone; a disabled user's, or one from before a
  // password reset, is no session (the console's own check, auth/guard.ts).
  if (new URL(request.url).pathname === "/api/auth/session" && response.ok && !(await currentUser())) {
    return Response.json(null, { headers: { "cache-control": "no-store" } });
  }
  return response;
});

// guarded() also refuses a POST from another site's page (a sign-in or sign-out forced on a visitor).
export const POST = guarded(async (request: NextRequest): Promise<Response> => refusal(await handlers.POST(request)));
