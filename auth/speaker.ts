import "server-only";
import { cookies } from "next/headers";
import { forbidden, unauthorized } from "next/navigation";
import { cache } from "react";
import { speakerByToken, type PortalSpeaker } from "@/db/queries/speaker-portal";
import { isPortalToken } from "@/lib/speakers/portal-link";

/**
 * The speaker's portal cookie holds their link's token; it is looked up (by its hash) on every
 * request, so renewing or revoking the link ends the portal at once. It is no console session: the
 * console's guards (auth/guard.ts) never read it, so a speaker is signed out there whatever they send.
 */
export const SPEAKER_COOKIE = "forum-speaker";

export type SpeakerSession = { ok: true; speaker: PortalSpeaker } | { ok: false; state: "none" | "expired" | "revoked" | "unknown" };

export const currentSpeaker = cache(async (): Promise<SpeakerSession> => {
  const token = (await cookies()).get(SPEAKER_COOKIE)?.value;
  if (!token) return { ok: false, state: "none" };
  if (!isPortalToken(token)) return { ok: false, state: "unknown" };
  return speakerByToken(token);
});

/** Pages and actions of the portal: 401 without a link opened, 403 once it stopped working. */
export async function requireSpeaker(): Promise<PortalSpeaker> {
  const session = await currentSpeaker();
  if (session.ok) return session.speaker;
  if (session.state === "none") unauthorized();
  forbidden();
}

/** For route handlers: the speaker, or the 401/403 to return as it is. */
export async function requireRouteSpeaker(): Promise<PortalSpeaker | Response> {
  const session = await currentSpeaker();
  if (session.ok) return session.speaker;
  const headers = { "Cache-Control": "no-store" };
  return Response.json({ error: session.state === "none" ? "signedOut" : "linkDead" }, { status: session.state === "none" ? 401 : 403, headers });
}

export const speakerCookieOptions = (expiresAt: Date, secure: boolean) => ({
  httpOnly: true,
  sameSite: "lax" as const,
  secure,
  path: "/",
  expires: expiresAt,
});
