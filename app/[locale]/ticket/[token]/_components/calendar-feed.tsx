"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { describedBy, Field } from "@/components/form/field";
import { webcalUrl } from "@/lib/personal-agenda/feed-url";
import { calendarFeedAction, type CalendarState } from "../actions";

/** The secret address of the personal calendar feed: created on demand, replaced when leaked. */
export function CalendarFeed({ token, url }: { token: string; url: string | null }) {
  const t = useTranslations("calendar");
  const r = useTranslations("registration");
  const [state, action, pending] = useActionState<CalendarState, FormData>(calendarFeedAction.bind(null, token), {});
  const [copied, setCopied] = useState<string | null>(null);
  const shown = state.url ?? url;
  const copy = async () => {
    if (!shown) return;
    try {
      await navigator.clipboard.writeText(shown);
      setCopied(shown);
    } catch {
      // No clipboard (an insecure address, or refused): the address is selected to copy by hand.
      document.getElementById("calendar-feed-url")?.focus();
    }
  };
  const button = "rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-60";
  return (
    <section aria-labelledby="calendar-heading" className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="calendar-heading" className="text-xl font-bold">
        {t("heading")}
      </h2>
      <p className="mt-1 text-slate-700">{t("help")}</p>
      {state.error && (
        <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 font-medium text-red-800">
          {state.error === "notAvailable" ? t("notAvailable") : r(`errors.${state.error}`)}
        </p>
      )}
      {state.done && (
        <p role="status" className="mt-3 rounded-md bg-green-50 px-3 py-2 font-medium text-green-900">
          {t(state.done)}
        </p>
      )}
      {shown ? (
        <div className="mt-4 space-y-3">
          <div>
            <Field id="calendar-feed-url" label={t("address")} hint={t("copyHint")}>
              <div className="mt-1 flex flex-wrap gap-2">
                <input
                  {...describedBy("calendar-feed-url", { hint: true })}
                  readOnly
                  value={shown}
                  onFocus={(e) => e.currentTarget.select()}
                  className="min-w-0 flex-1 basis-64 rounded-md border border-slate-400 px-3 py-2 font-mono text-sm"
                />
                <button type="button" onClick={() => void copy()} className={button}>
                  {t("copy")}
                </button>
              </div>
            </Field>
            <p aria-live="polite" className="text-sm font-medium text-green-900">
              {copied === shown ? t("copied") : ""}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <a href={webcalUrl(shown)} className="font-semibold text-brand-700 underline">
              {t("subscribe")}
            </a>
            <form action={action}>
              <button type="submit" disabled={pending} className={button}>
                {t("replace")}
              </button>
            </form>
          </div>
        </div>
      ) : (
        <form action={action} className="mt-4">
          <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {t("create")}
          </button>
        </form>
      )}
    </section>
  );
}
