import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

// Sends visitors who arrive without a language in the address to theirs (cookie, then
// Accept-Language). Addresses that already name a language skip the proxy entirely, so the
// pages rendered ahead are served without running any code per request.
export default createMiddleware(routing);

export const config = {
  matcher: ["/", "/((?!api|_next|_vercel|en(?:/|$)|zh-CN(?:/|$)|.*\\..*).*)"],
};
