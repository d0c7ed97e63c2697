"use client";

import { useEffect } from "react";

/**
 * Installs public/sw.js so that visited pages open without a network: once the page has loaded
 * and the main thread is idle, so that the worker's download and install never delay the page.
 */
export function ServiceWorker() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    let idle: number | undefined;
    const register = () => {
      navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
        // Without a service worker the site still works online.
      });
    };
    const whenIdle = () => {
      // Safari has no requestIdleCallback: a short timeout after load does the same there.
      idle = typeof window.requestIdleCallback === "function" ? window.requestIdleCallback(register, { timeout: 5_000 }) : window.setTimeout(register, 1_000);
    };
    if (document.readyState === "complete") whenIdle();
    else window.addEventListener("load", whenIdle, { once: true });
    return () => {
      window.removeEventListener("load", whenIdle);
      if (idle !== undefined) {
        if (typeof window.cancelIdleCallback === "function") window.cancelIdleCallback(idle);
        else window.clearTimeout(idle);
      }
    };
  }, []);
  return null;
}
