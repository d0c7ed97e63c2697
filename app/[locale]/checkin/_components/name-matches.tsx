"use client";

import { useTranslations } from "next-intl";
import type { Match } from "./types";

/** The people a name search found: one tap checks one in. */
export function NameMatches({ query, matches, onPick }: { query: string; matches: Match[]; onPick: (code: string) => void }) {
  const t = useTranslations("checkin.entry");
  const tc = useTranslations("registration.categories");
  if (matches.length === 0) return <p role="status">{t("noMatches", { query })}</p>;
  return (
    <section aria-label={t("matches", { query })}>
      <h2 className="font-semibold">{t("matches", { query })}</h2>
      <ul className="mt-2 space-y-2">
        {matches.map((m) => (
          <li key={m.code}>
            <button
              type="button"
              onClick={() => onPick(m.code)}
              aria-label={t("pick", { name: m.fullName })}
              className="w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-left"
            >
              <span className="block text-lg font-semibold">
                {m.fullName}
                {m.altName && <span className="font-normal"> · {m.altName}</span>}
              </span>
              <span className="block text-sm text-slate-700">
                {m.organisation} · {tc(m.category)} · <span className="font-mono">{m.code}</span>
                {m.checkedIn && <strong> · {t("alreadyTag")}</strong>}
                {(m.status === "waiting" || m.status === "pending") && <strong> · {t("statusWaiting")}</strong>}
                {m.status === "cancelled" && <strong> · {t("statusCancelled")}</strong>}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
