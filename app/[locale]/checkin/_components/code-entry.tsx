"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { describedBy, Field } from "@/components/form/field";
import { parseCheckinInput } from "@/lib/checkin/input";
import { NameMatches } from "./name-matches";
import type { Match } from "./types";

type Search = { query: string; matches: Match[] } | { query: string; error: true } | null;

/** A typed code checks in at once; anything else is a name to search, then a person to tap. */
export function CodeEntry({ day, onCheckIn }: { day: string; onCheckIn: (code: string, method: "code" | "name") => Promise<void> }) {
  const t = useTranslations("checkin.entry");
  const [value, setValue] = useState("");
  const [hint, setHint] = useState<string | null>(null);
  const [search, setSearch] = useState<Search>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = parseCheckinInput(value);
    setHint(null);
    setSearch(null);
    if (input.kind === "empty") return setHint(t("tooShort"));
    setBusy(true);
    try {
      if (input.kind === "name") {
        const response = await fetch(`/api/checkin/search?day=${encodeURIComponent(day)}&q=${encodeURIComponent(input.query)}`);
        setSearch(response.ok ? { query: input.query, ...(await response.json()) } : { query: input.query, error: true });
      } else {
        await onCheckIn(input.kind === "code" ? input.code : input.token, "code");
        setValue("");
      }
    } catch {
      setSearch({ query: value, error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="space-y-3">
      <form onSubmit={submit} className="space-y-2">
        {/* A refused entry replaces the hint: it says again what to type, not what went wrong. */}
        <Field id="checkin-entry" label={t("label")} hint={hint ?? t("hint")}>
          <input
            {...describedBy("checkin-entry", { hint: true })}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            enterKeyHint="go"
            className="mt-1 w-full rounded-lg border border-slate-300 bg-white px-3 py-3 text-lg"
          />
        </Field>
        <button type="submit" disabled={busy} className="w-full rounded-xl bg-slate-800 px-4 py-3 text-lg font-semibold text-white disabled:opacity-60">
          {busy ? t("searching") : t("submit")}
        </button>
      </form>
      {search && "error" in search && <p role="alert">{t("searchFailed")}</p>}
      {search && "matches" in search && (
        <NameMatches
          query={search.query}
          matches={search.matches}
          onPick={async (code) => {
            await onCheckIn(code, "name");
            setSearch(null);
            setValue("");
          }}
        />
      )}
    </section>
  );
}
