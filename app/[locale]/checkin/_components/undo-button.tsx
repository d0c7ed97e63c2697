"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

const WINDOW_MS = 60_000;

/** Shown for the minute in which the server still accepts an undo; the server checks it again. */
export function UndoButton({ id, since, onUndone }: { id: number; since: number; onUndone: () => void }) {
  const t = useTranslations("checkin");
  const [expired, setExpired] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => setExpired(true), Math.max(0, since + WINDOW_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [since]);

  if (expired && !error) return null;

  async function undo() {
    setBusy(true);
    try {
      const response = await fetch("/api/checkin/undo", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id }),
      });
      if (response.ok) return onUndone();
      setError(response.status === 409 ? t("undoExpired") : t("undoFailed"));
    } catch {
      setError(t("undoFailed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mt-3">
      {!expired && (
        <button
          type="button"
          onClick={undo}
          disabled={busy}
          className="rounded-lg border-2 border-current bg-white px-4 py-2 text-base font-semibold disabled:opacity-60"
        >
          {t("undo")}
        </button>
      )}
      {error && <p className="mt-2 font-semibold">{error}</p>}
    </div>
  );
}
