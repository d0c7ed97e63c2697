"use client";

import { useEffect, useState } from "react";

/** `savedCopy` holds `{when}`, filled with the time the copy shown was saved. */
type Props = { locale: string; offline: string; savedCopy: string };

/** Offline, says so, and when the copy being shown was saved. Its strings come from the layout. */
export function OfflineNotice({ locale, offline, savedCopy }: Props) {
  const [state, setState] = useState<{ offline: boolean; savedAt: string | null }>({ offline: false, savedAt: null });

  useEffect(() => {
    const update = async () => {
      if (navigator.onLine) return setState({ offline: false, savedAt: null });
      let savedAt: string | null = null;
      if ("caches" in window) {
        const saved = await caches.match(window.location.origin + window.location.pathname);
        savedAt = saved?.headers.get("x-saved-at") ?? null;
      }
      setState({ offline: true, savedAt });
    };
    void update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);

  if (!state.offline) return null;
  const when = state.savedAt
    ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(state.savedAt))
    : null;
  return (
    <p role="status" className="bg-amber-100 px-4 py-2 text-center text-sm font-medium text-amber-950">
      {when ? savedCopy.replace("{when}", when) : offline}
    </p>
  );
}
