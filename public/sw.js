// The forum's service worker: the venue's network cannot be trusted, so the pages a person has
// opened (agenda, sessions, speakers, quotes, their personal agenda) open again offline, and so does
// their ticket once they ask for it (the ticket page's switch): it is private, and a shared or
// borrowed browser must not keep it unasked.
// Pages: network first, the saved copy when the network fails. Build assets: cache first (their
// names change with every build). Nothing that changes data is ever cached.
// v2: v1 kept every ticket page visited; activating v2 deletes v1's caches, and those copies with them.
const VERSION = "forum-v2";
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

const OFFLINE_PAGES = /^\/(en|zh-CN)(\/(agenda|sessions\/[^/]+|speakers(\/[^/]+)?|quotes(\/[^/]+)?|my-agenda))?\/?$/;
const TICKET = /^\/(en|zh-CN)\/ticket\/[^/]+\/?$/;

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

/** The ticket: from the network, and kept up to date only while the person keeps it offline. */
async function keptOnly(request, key) {
  const cache = await caches.open(PAGES);
  const kept = await cache.match(key);
  try {
    const response = await fetch(request);
    if (kept && response.ok) await cache.put(key, await stamped(response.clone()));
    // A replaced or erased link: its copy goes too.
    else if (kept && response.status === 404) await cache.delete(key);
    return response;
  } catch (error) {
    if (kept) return kept;
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
  // The page's own small script (offline notice, feedback links): its name stays, so the network first.
  if (url.pathname === "/wake.js") {
    event.respondWith(networkFirst(request, ASSETS));
    return;
  }
  if (request.mode === "navigate" && TICKET.test(url.pathname)) {
    event.respondWith(keptOnly(request, url.origin + url.pathname));
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

// The ticket page's switch: { type: "keep-offline" | "forget-offline", path }, answered on the
// message's port with { ok } once the copy is saved or deleted.
self.addEventListener("message", (event) => {
  const { type, path } = event.data ?? {};
  const port = event.ports[0];
  if (typeof path !== "string" || !TICKET.test(path) || (type !== "keep-offline" && type !== "forget-offline")) {
    port?.postMessage({ ok: false });
    return;
  }
  event.waitUntil(
    (async () => {
      const cache = await caches.open(PAGES);
      const key = self.location.origin + path;
      let ok = true;
      if (type === "forget-offline") await cache.delete(key);
      else {
        try {
          const response = await fetch(path, { credentials: "same-origin" });
          ok = response.ok;
          if (ok) await cache.put(key, await stamped(response));
        } catch {
          ok = false;
        }
      }
      port?.postMessage({ ok });
    })(),
  );
});
