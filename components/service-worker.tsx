"use client";

import { useEffect } from "react";

/** Installs public/sw.js so that visited pages open without a network. */
export function ServiceWorker() {
  useEffect(() => {
    if (process.env.NODE_ENV === "production" && "serviceWorker" in navigator) {
      navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
        // Without a service worker the site still works online.
      });
    }
  }, []);
  return null;
}
