import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

// Only sends visitors to their language early; pages and handlers do their own checks.
export default createMiddleware(routing);

export const config = {
  // Everything except API routes, Next's own files and files with an extension.
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
