"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { CheckinAnswer } from "./types";
import { offsetLabel } from "@/lib/time";
import { UndoButton } from "./undo-button";

const TONE = {
  checkedIn: "border-green-600 bg-green-50 text-green-950",
  alreadyCheckedIn: "border-amber-500 bg-amber-50 text-amber-950",
  notForDay: "border-amber-500 bg-amber-50 text-amber-950",
  waiting: "border-red-600 bg-red-50 text-red-950",
  cancelled: "border-red-600 bg-red-50 text-red-950",
  unknown: "border-red-600 bg-red-50 text-red-950",
  error: "border-red-600 bg-red-50 text-red-950",
} as const;

const ICON = {
  checkedIn: "✓",
  alreadyCheckedIn: "!",
  notForDay: "!",
  waiting: "✕",
  cancelled: "✕",
  unknown: "✕",
  error: "✕",
} as const;

/** The answer, large and coloured; its words say it all, not the colour. */
export function AnswerCard({
  answer,
  onUndone,
  timeZone,
}: {
  answer: CheckinAnswer;
  onUndone: () => void;
  /** The edition's zone: the time of a check-in is the forum's, not the phone's. */
  timeZone: string;
}) {
  const t = useTranslations("checkin");
  const tc = useTranslations("registration.categories");
  const locale = useLocale();
  const [undone, setUndone] = useState<string | null>(null);

  const time = (iso: string) =>
    new Intl.DateTimeFormat(locale, {
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZone,
    }).format(new Date(iso));

  if (undone)
    return (
      <p className="rounded-xl border-2 border-slate-400 bg-white p-4 text-lg font-semibold">
        {undone}
      </p>
    );
  return (
    <div className={`rounded-xl border-4 p-4 ${TONE[answer.outcome]}`}>
      <p className="text-3xl font-extrabold">
        <span aria-hidden="true">{ICON[answer.outcome]} </span>
        <span>{t(`outcomes.${answer.outcome}`)}</span>
      </p>
      {answer.person && (
        <div className="mt-2">
          <p className="text-2xl font-bold">{answer.person.fullName}</p>
          {answer.person.altName && <p className="text-xl">{answer.person.altName}</p>}
          <p className="text-lg">{answer.person.organisation}</p>
          <p className="text-lg font-semibold">{tc(answer.person.category)}</p>
        </div>
      )}
      {answer.outcome === "alreadyCheckedIn" && answer.checkIn && (
        <p className="mt-2 text-lg">
          {t("help.alreadyCheckedIn", {
            time: time(answer.checkIn.at),
            offset: offsetLabel(new Date(answer.checkIn.at), timeZone),
            by: answer.checkIn.by ?? t("help.someone"),
          })}
        </p>
      )}
      {answer.outcome !== "checkedIn" && answer.outcome !== "alreadyCheckedIn" && (
        <p className="mt-2 text-lg">{t(`help.${answer.outcome}`)}</p>
      )}
      {answer.outcome === "checkedIn" && answer.checkIn && answer.person && (
        <UndoButton
          id={answer.checkIn.id}
          since={answer.receivedAt}
          onUndone={() => {
            setUndone(t("undone", { name: answer.person!.fullName }));
            onUndone();
          }}
        />
      )}
    </div>
  );
}
