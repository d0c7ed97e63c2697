import { sitemapSource } from "@/db/queries/sitemap";
import { sitemapXml, publicPaths } from "@/lib/discover/sitemap";
import { guarded } from "@/lib/http/guarded";
import { publicResponse } from "@/lib/http/public-response";
import { locales } from "@/lib/localized";
import { publicBaseUrl } from "@/lib/registration/urls";

// Read per request (a few small queries), so a publication shows in it without another
// declaration of what a change touches; caches may keep it an hour.
export const dynamic = "force-dynamic";

/** Every public page in every language, with its hreflang alternates. */
export const GET = guarded(async (request: Request) =>
  publicResponse(request, sitemapXml(publicBaseUrl(), publicPaths(sitemapSource()), locales), {
    contentType: "application/xml; charset=utf-8",
    maxAge: 3600,
  }),
);
