"use client";

import { useSyncExternalStore } from "react";
import { usePersonalAgenda } from "./personal-agenda/store";

type Props = {
  sessionId: number;
  /** The session's end, in ms: the link shows from then on… */
  endsAt: number;
  /** …until the feedback window closes (lib/feedback/rules.ts feedbackClosesAt), in ms. */
  closesAt: number;
  /** "/en" or "/zh-CN": the page's language. */
  localePrefix: string;
  label: string;
  className?: string;
};

/**
 * The way from a page rendered ahead (the same for everyone) to the person's own feedback page:
 * shown only in a browser that holds their private link (the personal agenda's token), between the
 * session's end and the close of the feedback window. Whether they registered for it is the feedback page's to say.
 */
const noSubscription = () => () => {};

export function FeedbackLink({ sessionId, endsAt, closesAt, localePrefix, label, className = "" }: Props) {
  const token = usePersonalAgenda()?.token;
  // Read in the browser, once hydrated: the HTML rendered ahead knows neither the person nor the hour.
  const ended = useSyncExternalStore(noSubscription, () => Date.now() >= endsAt && Date.now() < closesAt, () => false);
  if (!token || !ended) return null;
  return (
    <a href={`${localePrefix}/ticket/${token}/feedback/${sessionId}`} rel="nofollow" className={`font-semibold text-brand-700 underline ${className}`}>
      {label}
    </a>
  );
}
