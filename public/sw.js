// The forum's service worker: the venue's network cannot be trusted, so the pages a person has
// opened (agenda, sessions, speakers, quotes, their ticket and personal agenda) open again offline.
// Pages: network first, the saved copy when the network fails. Build assets: cache first (their
// names change with every build). Nothing that changes data is ever cached.
const VERSION = "forum-v1";
const PAGES = `${VERSION}-pages`;
const ASSETS = `${VERSION}-assets`;
const DATA = `${VERSION}-data`;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (!key.startsWith(VERSION)) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

const OFFLINE_PAGES = /^\/(en|zh-CN)(\/(agenda|sessions\/[^/]+|speakers(\/[^/]+)?|quotes(\/[^/]+)?|my-agenda|ticket\/[^/]+))?\/?$/;

/** A copy of the response that remembers when it was saved (read by the page's offline notice). */
async function stamped(response) {
  const headers = new Headers(response.headers);
  headers.set("x-saved-at", new Date().toISOString());
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

async function networkFirst(request, cacheName, key = request) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, await stamped(response.clone()));
    return response;
  } catch (error) {
    const saved = await cache.match(key);
    if (saved) return saved;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(ASSETS);
  const saved = await cache.match(request);
  if (saved) return saved;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/")) {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (request.mode === "navigate" && OFFLINE_PAGES.test(url.pathname)) {
    // One copy per page, whatever the query string: filters are applied in the browser.
    event.respondWith(networkFirst(request, PAGES, url.origin + url.pathname));
    return;
  }
  if (url.pathname === "/api/v1/me") {
    event.respondWith(networkFirst(request, DATA));
  }
});
