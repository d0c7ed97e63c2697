import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { routing } from "./i18n/routing";
import { rootFile } from "./lib/http/root-files";

const intl = createMiddleware(routing);
const CONSOLE = /^\/(en|zh-CN)\/(admin|checkin)(\/|$)/;
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

// Sends visitors who arrive without a language in the address to theirs (cookie, then
// Accept-Language). Addresses that already name a language skip the proxy entirely, so the
// pages rendered ahead are served without running any code per request.
//
// Console addresses without a session cookie go to the sign-in page at once. This is only a
// shortcut: every console page, action and route handler checks the user and role itself.
export default function proxy(request: NextRequest) {
  // "/favicon.ico" or "/en.x/agenda" is no page: its first segment is not a language. Our own root
  // files ("/robots.txt") are served as they are.
  const file = rootFile(request.nextUrl.pathname);
  if (file === "ours") return NextResponse.next();
  if (file === "unknown") return new NextResponse("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const match = CONSOLE.exec(request.nextUrl.pathname);
  if (match) {
    // Only page loads are redirected; a POST (a Server Action) gets its 401 from the action itself.
    if (request.method !== "GET" && request.method !== "HEAD") return NextResponse.next();
    if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
    const url = request.nextUrl.clone();
    const rest = request.nextUrl.pathname.slice(match[1]!.length + 1);
    url.pathname = `/${match[1]}/sign-in`;
    url.search = `?next=${encodeURIComponent(rest)}`;
    return NextResponse.redirect(url);
  }
  return intl(request);
}

// Uploaded files (`/files/…`) are route handlers of no language: a name of ours that is not a file
// is their 404, not a redirect to a page of that name.
export const config = {
  matcher: [
    "/",
    // A first segment with a dot: a file of ours, or an address to refuse (lib/http/root-files.ts).
    "/((?:[^/]*\\.[^/]*)(?:/.*)?)",
    "/((?!api|_next|_vercel|files/|en(?:/|$)|zh-CN(?:/|$)|.*\\..*).*)",
    "/(en|zh-CN)/(admin|checkin)/:path*",
    "/(en|zh-CN)/(admin|checkin)",
  ],
};
