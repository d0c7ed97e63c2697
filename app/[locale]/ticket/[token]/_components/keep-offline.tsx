"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { CheckField } from "@/components/form/check-field";
import { askServiceWorker, isKeptOffline } from "@/lib/offline-ticket";

/** null while not known yet; "unavailable" where this browser cannot keep pages. */
type Kept = boolean | null | "unavailable";

/** The switch that lets this browser keep the (private) ticket page for offline use; off by default. */
export function KeepOffline() {
  const t = useTranslations("ticket");
  const [kept, setKept] = useState<Kept>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const available = "serviceWorker" in navigator && typeof caches !== "undefined";
    void (available ? isKeptOffline(location.pathname) : Promise.resolve("unavailable" as const)).then(setKept);
  }, []);

  const change = async (on: boolean) => {
    // Shown at once as asked; set back to what the cache holds once the service worker answers.
    setKept(on);
    setBusy(true);
    const ok = await askServiceWorker(on ? "keep-offline" : "forget-offline", location.pathname);
    setKept(ok || !on ? await isKeptOffline(location.pathname) : "unavailable");
    setBusy(false);
  };

  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5">
      <CheckField
        id="keep-offline"
        label={t("offlineLabel")}
        hint={kept === "unavailable" ? t("offlineUnavailable") : t("offlineHelp")}
        checked={kept === true}
        disabled={kept === null || kept === "unavailable" || busy}
        onChange={(e) => void change(e.currentTarget.checked)}
      />
    </section>
  );
}
