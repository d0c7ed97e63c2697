"use client";

import { useCallback, useEffect, useMemo, useState } from "react";

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
 * The address of a page rendered ahead of any request. The first render (the server's, and the
 * browser's hydration) sees none, so the HTML matches; the browser then reads the real one.
 * Changes go into the address with replaceState, so a link reproduces the view, and navigations,
 * back and forward are followed.
 */
export function useLocation(): [{ pathname: string; search: string } | null, (url: string) => void] {
  const [location, setLocation] = useState<{ pathname: string; search: string } | null>(null);
  useEffect(() => {
    announceHistoryChanges();
    const read = () =>
      setLocation((was) =>
        was?.pathname === window.location.pathname && was.search === window.location.search
          ? was
          : { pathname: window.location.pathname, search: window.location.search },
      );
    read();
    window.addEventListener(CHANGE, read);
    window.addEventListener("popstate", read);
    return () => {
      window.removeEventListener(CHANGE, read);
      window.removeEventListener("popstate", read);
    };
  }, []);
  const replace = useCallback((url: string) => {
    window.history.replaceState(window.history.state, "", url);
  }, []);
  return [location, replace];
}

/** The query string of the address (see useLocation); changes keep the path. */
export function useLocationSearch(): [URLSearchParams | null, (search: string) => void] {
  const [location, replace] = useLocation();
  const replaceSearch = useCallback((next: string) => replace(`${window.location.pathname}${next}`), [replace]);
  const search = location?.search;
  const params = useMemo(() => (search === undefined ? null : new URLSearchParams(search)), [search]);
  return [params, replaceSearch];
}
