import { guarded } from "@/lib/http/guarded";
import { publicResponse } from "@/lib/http/public-response";
import { publicBaseUrl } from "@/lib/registration/urls";

// The sitemap's address must be absolute, and the site's address is known only when it runs.
export const dynamic = "force-dynamic";

/** Everything may be crawled; the private pages say noindex themselves. The sitemap lists the public ones. */
export const GET = guarded(async (request: Request) =>
  publicResponse(request, `User-agent: *\nAllow: /\n\nSitemap: ${publicBaseUrl()}/sitemap.xml\n`, {
    contentType: "text/plain; charset=utf-8",
    maxAge: 86400,
  }),
);
