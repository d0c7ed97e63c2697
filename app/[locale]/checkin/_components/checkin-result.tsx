"use client";

import { AnswerCard } from "./answer-card";
import type { CheckinAnswer } from "./types";

/** One live region that stays in place, so that screen readers speak every new answer. */
export function CheckinResult({
  answer,
  onUndone,
  timeZone,
}: {
  answer: CheckinAnswer | null;
  onUndone: () => void;
  timeZone: string;
}) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true">
      {answer && <AnswerCard key={answer.receivedAt} answer={answer} onUndone={onUndone} timeZone={timeZone} />}
    </div>
  );
}
