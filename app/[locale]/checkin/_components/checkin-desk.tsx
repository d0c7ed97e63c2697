"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { SelectField } from "@/components/form/select-field";
import { CameraScanner } from "./camera-scanner";
import { CheckinResult } from "./checkin-result";
import { CodeEntry } from "./code-entry";
import type { CheckinAnswer } from "./types";
import { useDayCounts } from "./use-day-counts";

type Method = "scan" | "code" | "name";

export function CheckinDesk({
  days,
  initialDay,
  timeZone,
}: {
  days: { date: string; label: string }[];
  initialDay: string;
  /** The edition's zone, in which the answer gives the time of a check-in. */
  timeZone: string;
}) {
  const t = useTranslations("checkin");
  const [day, setDay] = useState(initialDay);
  const [answer, setAnswer] = useState<CheckinAnswer | null>(null);
  const { counts, refresh } = useDayCounts(day);

  const checkIn = useCallback(
    async (input: string, method: Method) => {
      let next: CheckinAnswer;
      try {
        const response = await fetch("/api/checkin", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ day, input, method }),
        });
        next = response.ok ? { ...(await response.json()), receivedAt: Date.now() } : { outcome: "error", receivedAt: Date.now() };
      } catch {
        next = { outcome: "error", receivedAt: Date.now() };
      }
      setAnswer(next);
      refresh();
    },
    [day, refresh],
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <SelectField
          id="checkin-day"
          label={t("day")}
          value={day}
          onChange={(e) => {
            setDay(e.target.value);
            setAnswer(null);
          }}
          options={days.map((d) => ({ value: d.date, label: d.label }))}
        />
        {/* Not announced on every poll: the result above is what staff listen for. */}
        <output aria-live="off" className="ml-auto text-right text-2xl font-bold tabular-nums">
          <span className="sr-only">{t("countsLabel")}: </span>
          {counts ? t("counts", counts) : "…"}
        </output>
      </div>
      <CheckinResult answer={answer} onUndone={refresh} timeZone={timeZone} />
      <CameraScanner onScan={(text) => void checkIn(text, "scan")} />
      <CodeEntry day={day} onCheckIn={(code, method) => checkIn(code, method)} />
    </div>
  );
}
