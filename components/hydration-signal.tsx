"use client";

import { useEffect } from "react";

/**
 * Tells public/wake.js that React has hydrated the page: a button pressed while it loaded is
 * pressed again now. An effect runs once the commit that hydrated the layout is done.
 */
export function HydrationSignal() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
    window.dispatchEvent(new Event("forum:hydrated"));
  }, []);
  return null;
}
