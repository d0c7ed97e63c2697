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
 * The way from a page rendered ahead (the same for everyone) to the person's own feedback page.
 * Rendered hidden: public/wake.js shows it, with the person's address, in a browser that holds
 * their private link (the personal agenda's token), between the session's end and the close of the
 * feedback window. Whether they registered for it is the feedback page's to say. No React in the
 * browser: the page need not wake for it.
 */
export function FeedbackLink({ sessionId, endsAt, closesAt, localePrefix, label, className = "" }: Props) {
  return (
    <a
      hidden
      rel="nofollow"
      data-feedback-session={sessionId}
      data-feedback-ends={endsAt}
      data-feedback-closes={closesAt}
      data-feedback-prefix={localePrefix}
      className={`font-semibold text-brand-700 underline ${className}`}
    >
      {label}
    </a>
  );
}
