/**
 * Runs once when the server starts: AUTH_SECRET, TICKET_SECRET and MANAGE_SECRET are read from the environment,
 * or generated now, written beside the database with mode 0600, and logged (db/secret-files.ts),
 * rather than on the first sign-in or ticket. Not during `next build`, which must write nothing
 * beside the database.
 *
 * Then the mail worker starts in this process (lib/email/outbox-worker.ts): emails left pending
 * when the server last stopped go out now, not only when the next email is enqueued.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { secret } = await import("./db/secret-files");
  secret("AUTH_SECRET");
  secret("TICKET_SECRET");
  secret("MANAGE_SECRET");
  const [{ startOutboxWorker }, { outboxStore }, { renderPendingNotices }, { paceAnnouncements }] = await Promise.all([
    import("./lib/email/outbox-worker"),
    import("./db/queries/outbox"),
    import("./db/queries/change-notices"),
    import("./db/queries/announcements"),
  ]);
  // Change notices a publication queued are written into the outbox first, then sent with the rest;
  // announcement emails left overdue by a stop get new turns at the rate, so they do not all go at once.
  const prepare = () => {
    try {
      paceAnnouncements();
    } finally {
      renderPendingNotices();
    }
  };
  void startOutboxWorker({ ...outboxStore, prepare });
}
