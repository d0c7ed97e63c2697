"use client";

import { useCallback, useEffect, useState } from "react";

const CHANGE = "forum:locationchange";

/**
 * Next's client navigations (a header link back to the page one is on, say) change the address
 * with pushState, which fires no event: announce every history change so the view can follow.
 */
function announceHistoryChanges() {
  const w = window as Window & { __forumHistoryAnnounced?: boolean };
  if (w.__forumHistoryAnnounced) return;
  w.__forumHistoryAnnounced = true;
  for (const method of ["pushState", "replaceState"] as const) {
    const original = window.history[method];
    window.history[method] = function (this: History, ...args: Parameters<History["pushState"]>) {
      original.apply(this, args);
      window.dispatchEvent(new Event(CHANGE));
    };
  }
}

/**
 * The query string of a page rendered ahead of any request. The first render (the server's, and
 * the browser's hydration) sees none, so the HTML matches; the browser then reads the real one.
 * Changes go into the address with replaceState, so a link reproduces the view, and navigations,
 * back and forward are followed.
 */
export function useLocationSearch(): [URLSearchParams | null, (search: string) => void] {
  const [search, setSearch] = useState<string | null>(null);
  useEffect(() => {
    announceHistoryChanges();
    const read = () => setSearch(window.location.search);
    read();
    window.addEventListener(CHANGE, read);
    window.addEventListener("popstate", read);
    return () => {
      window.removeEventListener(CHANGE, read);
      window.removeEventListener("popstate", read);
    };
  }, []);
  const replace = useCallback((next: string) => {
    window.history.replaceState(window.history.state, "", `${window.location.pathname}${next}`);
  }, []);
  return [search === null ? null : new URLSearchParams(search), replace];
}
