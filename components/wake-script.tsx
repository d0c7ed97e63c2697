/**
 * public/wake.js, on every page: what a page does before or without React (the offline notice,
 * feedback links, now-and-next, the service worker), and on the pages that wake on interaction the
 * loading of Next's scripts (server/wake-on-interaction.mjs lists them on this tag).
 * The service worker is installed only by the production build: in development it would serve stale pages.
 */
export function WakeScript() {
  const serviceWorker = process.env.NODE_ENV === "production" ? "" : undefined;
  return <script id="forum-wake" src="/wake.js" defer data-service-worker={serviceWorker} />;
}
