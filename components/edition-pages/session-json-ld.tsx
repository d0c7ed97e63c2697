import type { Event } from "@/db/schema";
import { jsonLdText, sessionEventJsonLd, type JsonLdSession } from "@/lib/discover/event-json-ld";
import { permanentPrefix } from "@/lib/edition";
import { publicBaseUrl } from "@/lib/registration/urls";

type Props = { edition: Event; session: JsonLdSession & { slug: string }; locale: string };

/**
 * The session as schema.org data. A data block is never run, and the server lists the hash of
 * every inline script in the page's Content-Security-Policy (server/security-headers.mjs), so the
 * policy needs no exception for it.
 */
export function SessionJsonLd({ edition, session, locale }: Props) {
  const base = `${publicBaseUrl()}/${locale}`;
  const data = sessionEventJsonLd(session, {
    edition,
    locale,
    // The edition's permanent address, as calendars and exports give it: the identity of the event
    // stays the same when the next edition takes over the unprefixed addresses.
    url: `${base}${permanentPrefix(edition)}/sessions/${session.slug}`,
    speakerUrl: (slug) => `${base}/speakers/${slug}`,
  });
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />;
}
