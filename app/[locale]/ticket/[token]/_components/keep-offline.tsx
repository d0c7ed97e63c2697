"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { askServiceWorker, isKeptOffline } from "@/lib/offline-ticket";

type State = "loading" | "on" | "off" | "busy" | "unavailable";

/** The switch that lets this browser keep the (private) ticket page for offline use; off by default. */
export function KeepOffline() {
  const t = useTranslations("ticket");
  const [state, setState] = useState<State>("loading");

  useEffect(() => {
    const available = "serviceWorker" in navigator && typeof caches !== "undefined";
    void (available ? isKeptOffline(location.pathname) : Promise.resolve(null)).then((kept) =>
      setState(kept === null ? "unavailable" : kept ? "on" : "off"),
    );
  }, []);

  const change = async (on: boolean) => {
    setState("busy");
    const ok = await askServiceWorker(on ? "keep-offline" : "forget-offline", location.pathname);
    if (!ok) return setState(on ? "unavailable" : "on");
    setState((await isKeptOffline(location.pathname)) ? "on" : "off");
  };

  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5">
      <label className="flex items-start gap-3 font-medium text-slate-900">
        <input
          type="checkbox"
          className="mt-1 size-5"
          checked={state === "on"}
          disabled={state === "loading" || state === "busy" || state === "unavailable"}
          aria-describedby="keep-offline-help"
          onChange={(e) => void change(e.currentTarget.checked)}
        />
        {t("offlineLabel")}
      </label>
      <p id="keep-offline-help" className="mt-1 text-sm text-slate-700">
        {state === "unavailable" ? t("offlineUnavailable") : t("offlineHelp")}
      </p>
    </section>
  );
}
