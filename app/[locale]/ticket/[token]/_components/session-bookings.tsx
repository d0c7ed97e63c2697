"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { pick } from "@/lib/localized";
import { bookAction, type BookingState } from "../actions";

export type BookableSession = {
  id: number;
  title: { en: string; zh: string };
  when: string;
  seatLimit: number;
  booked: number;
  waiting: number;
  mine: { status: "booked" | "waiting"; position: number | null } | null;
};

export function SessionBookings({ token, sessions }: { token: string; sessions: BookableSession[] }) {
  const t = useTranslations("bookings");
  const locale = useLocale();
  const [state, action, pending] = useActionState<BookingState, FormData>(bookAction.bind(null, token), {});
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 className="text-xl font-bold">{t("heading")}</h2>
      <p className="mt-1 text-slate-700">{t("help")}</p>
      <ul className="mt-4 divide-y divide-slate-100">
        {sessions.map((s) => {
          const title = pick(locale, s.title.en, s.title.zh);
          const left = Math.max(0, s.seatLimit - s.booked);
          const error = state.sessionId === s.id && state.error ? state.error : null;
          return (
            <li key={s.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3">
              <div className="min-w-0 flex-1">
                <p className="font-semibold">{title}</p>
                <p className="text-sm text-slate-700">
                  {s.when} · {left > 0 ? t("seatsLeft", { left, limit: s.seatLimit }) : t("full", { waiting: s.waiting })}
                </p>
                {s.mine && (
                  <p className="text-sm font-semibold text-green-800">
                    {s.mine.status === "booked" ? t("booked") : t("waitingPosition", { position: s.mine.position ?? 0 })}
                  </p>
                )}
                {error && (
                  <p role="alert" className="text-sm font-medium text-red-800">
                    {t(`errors.${error}`, { title: state.conflictTitle ? pick(locale, state.conflictTitle.en, state.conflictTitle.zh) : "" })}
                  </p>
                )}
              </div>
              <form action={action}>
                <input type="hidden" name="sessionId" value={s.id} />
                <input type="hidden" name="intent" value={s.mine ? "cancel" : "book"} />
                <button
                  type="submit"
                  disabled={pending}
                  aria-label={`${s.mine ? (s.mine.status === "booked" ? t("cancelBooking") : t("leaveQueue")) : left > 0 ? t("book") : t("joinQueue")}: ${title}`}
                  className="rounded-md border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-60"
                >
                  {s.mine ? (s.mine.status === "booked" ? t("cancelBooking") : t("leaveQueue")) : left > 0 ? t("book") : t("joinQueue")}
                </button>
              </form>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
