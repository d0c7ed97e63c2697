"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { syncFromServer, usePersonalAgenda } from "@/components/personal-agenda/store";
import { Link } from "@/i18n/navigation";
import { personalSchedule } from "@/lib/personal-agenda/schedule";
import type { BookingMark } from "@/lib/personal-agenda/stars";
import { AgendaDay } from "./agenda-day";
import type { MyAgendaData } from "./types";

/** The starred sessions (and the booked ones) of this browser or of its registration, by day. */
export function MyAgenda({ data }: { data: MyAgendaData }) {
  const t = useTranslations("myAgenda");
  const agenda = usePersonalAgenda();
  const token = agenda?.token ?? null;
  const [bookings, setBookings] = useState<{ token: string; marks: BookingMark[] } | null>(null);

  // The registration's stars may have changed on another device, and its bookings live only there.
  useEffect(() => {
    if (!token) return;
    let live = true;
    void syncFromServer(true).then((me) => {
      if (live && me) setBookings({ token, marks: me.bookings });
    });
    return () => {
      live = false;
    };
  }, [token]);

  if (!agenda) {
    return <p className="mt-6 text-slate-700">{t("loading")}</p>;
  }
  const marks = token && bookings?.token === token ? bookings.marks : [];
  const days = personalSchedule(data.sessions, agenda.stars, marks);
  const labels = new Map(data.days.map((d) => [d.date, d.label]));

  return (
    <div className="mt-6 space-y-8">
      <p className="rounded-md bg-brand-50 px-4 py-3 text-slate-800">
        {token ? t("synced") : t("localOnly")}{" "}
        <Link href={token ? `/ticket/${token}` : "/register"} className="font-semibold text-brand-700 underline">
          {token ? t("manageLink") : t("registerLink")}
        </Link>
      </p>
      {days.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">
          <p className="text-slate-700">{t("empty")}</p>
          <Link href="/agenda" className="mt-2 inline-block font-semibold text-brand-700 underline">
            {t("browse")}
          </Link>
        </div>
      ) : (
        days.map((day) => (
          <AgendaDay key={day.day} label={labels.get(day.day) ?? day.day} items={day.items} timeZone={data.timeZone} offset={data.offset} feedbackClosesAt={data.feedbackClosesAt} />
        ))
      )}
    </div>
  );
}
