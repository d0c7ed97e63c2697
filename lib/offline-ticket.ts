/**
 * The browser side of the ticket page's "keep offline" switch: the service worker (public/sw.js)
 * keeps the ticket page only once asked, through these messages. No Next, no React.
 */
export type OfflineRequest = "keep-offline" | "forget-offline";

/** Whether this browser has a copy of the page at `path` saved for offline use. */
export async function isKeptOffline(path: string): Promise<boolean> {
  if (typeof caches === "undefined") return false;
  return Boolean(await caches.match(location.origin + path));
}

/** Asks the service worker to save or delete the copy of `path`; false where it cannot. */
export async function askServiceWorker(type: OfflineRequest, path: string): Promise<boolean> {
  if (!("serviceWorker" in navigator) || typeof caches === "undefined") return false;
  // Without a registration (development, or a refused worker) `ready` would never resolve.
  if (!(await navigator.serviceWorker.getRegistration())) return false;
  const worker = (await navigator.serviceWorker.ready).active;
  if (!worker) return false;
  return new Promise<boolean>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<{ ok?: boolean }>) => resolve(event.data?.ok === true);
    worker.postMessage({ type, path }, [channel.port2]);
  });
}
