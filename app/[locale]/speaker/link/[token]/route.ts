import { NextResponse } from "next/server";
import { SPEAKER_COOKIE, speakerCookieOptions } from "@/auth/speaker";
import { speakerByToken } from "@/db/queries/speaker-portal";
import { locales } from "@/lib/localized";
import { LINK_DAYS, isPortalToken } from "@/lib/speakers/portal-link";

/**
 * The link of the invitation email: a working one opens the portal (its token becomes the portal's
 * cookie, checked again on every request); any other sets nothing and lands on the portal, which
 * says in the link's language that the link no longer works (403).
 */
export async function GET(request: Request, { params }: RouteContext<"/[locale]/speaker/link/[token]">) {
  const { locale: raw, token } = await params;
  const locale = (locales as readonly string[]).includes(raw) ? raw : "en";
  const found = isPortalToken(token) ? speakerByToken(token) : null;
  // A relative address: the Host header may name the proxy's side, not the site.
  const response = new NextResponse(null, { status: 303, headers: { Location: `/${locale}/speaker${found?.ok ? "" : "?link=dead"}` } });
  response.headers.set("Cache-Control", "no-store");
  response.headers.set("Referrer-Policy", "no-referrer");
  if (found?.ok) {
    const https = new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
    response.cookies.set(SPEAKER_COOKIE, token, speakerCookieOptions(new Date(Date.now() + LINK_DAYS * 86_400_000), https));
  }
  return response;
}
