/**
 * The part of `npm run bench:notify` that runs the app's own code (scripts/bench-notify.mjs starts
 * it with tsx, DATABASE_PATH on a fresh file and SMTP_URL on its sink): seeds the forum, registers
 * the attendees and their stars, publishes one version that moves sessions (which queues a notice
 * row per person in its transaction), writes the notices' emails into the outbox as the mail worker
 * does, checks who got one, then lets the worker deliver them all, timing each send. Prints one
 * JSON line.
 */
import { and, eq, inArray } from "drizzle-orm";
import { closeDb, getDb } from "../db/client";
import { applyMigrations } from "../db/migrate";
import { publishedData, publishSchedule } from "../db/queries/agenda-editor";
import { renderPendingNotices } from "../db/queries/change-notices";
import { outboxStore } from "../db/queries/outbox";
import { newManageLink } from "../db/queries/registrations";
import { changeNotices, events, outbox, registrations, sessionDrafts, sessions, sessionSpeakers, stars, users } from "../db/schema";
import { seed } from "../db/seed";
import type { OutboxStore } from "../lib/email/outbox-worker";
import { startOutboxWorker, stopOutboxWorker } from "../lib/email/outbox-worker";

const ATTENDEES = Number(process.env.BENCH_ATTENDEES ?? 250);
const STARS = Number(process.env.BENCH_STARS ?? 10);
const MOVED = Number(process.env.BENCH_MOVED ?? 5);
const DELIVERY_TIMEOUT_MS = Number(process.env.BENCH_DELIVERY_TIMEOUT_MS ?? 300_000);

function prepare() {
  const db = getDb();
  applyMigrations(db);
  seed(db);
  const event = db.select().from(events).where(eq(events.isCurrent, true)).get()!;
  const organizer = db.insert(users).values({ email: "bench-notify@forum.test", role: "organizer", passwordHash: "x" }).returning().get();
  const program = db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.eventId, event.id), eq(sessions.status, "published")))
    .orderBy(sessions.startsAt, sessions.id)
    .all()
    .map((s) => s.id);
  if (program.length < STARS) throw new Error(`The seeded program has ${program.length} sessions, fewer than ${STARS} stars each.`);
  const now = new Date();
  db.transaction((tx) => {
    for (let i = 0; i < ATTENDEES; i++) {
      const link = newManageLink();
      const reg = tx
        .insert(registrations)
        .values({
          eventId: event.id,
          code: `CAF-B${String(i).padStart(7, "0")}`,
          ...link.columns,
          status: "confirmed",
          fullName: `Bench Attendee ${i}`,
          email: `bench-${i}@example.test`,
          emailKey: `bench-${i}@example.test`,
          organisation: "Bench Motors",
          jobTitle: "Engineer",
          category: "industry",
          days: [event.startDate],
          privacyConsentAt: now,
          // Every third person reads Chinese: both templates are rendered and sent.
          locale: i % 3 === 0 ? "zh-CN" : "en",
          confirmedAt: now,
        })
        .returning({ id: registrations.id })
        .get();
      // Ten sessions each, starting at a different place in the program for each person.
      const mine = Array.from({ length: STARS }, (_, k) => program[(i + k * 3) % program.length]!);
      tx.insert(stars)
        .values([...new Set(mine)].map((sessionId) => ({ registrationId: reg.id, sessionId })))
        .onConflictDoNothing()
        .run();
    }
  });
  // The organizer's drafts: five sessions each half an hour later, as the editor saves a move.
  const moved = program.filter((_, k) => k % Math.floor(program.length / MOVED) === 0).slice(0, MOVED);
  for (const id of moved) {
    const row = db.select().from(sessions).where(eq(sessions.id, id)).get()!;
    const people = db.select().from(sessionSpeakers).where(eq(sessionSpeakers.sessionId, id)).all();
    const data = publishedData(row, people.map((p) => ({ speakerId: p.speakerId, role: p.role })));
    const later = { ...data, startsAt: data.startsAt + 30 * 60_000, endsAt: data.endsAt + 30 * 60_000 };
    db.insert(sessionDrafts).values({ sessionId: id, data: later, revision: row.version + 1, updatedBy: organizer.id }).run();
  }
  return { event, organizer, moved };
}

/** The outbox's own queries, timing each email from its claim to the record of its send. */
function timedStore(times: Map<number, { claimed: number; done?: number; status?: string }>): OutboxStore {
  return {
    claimNext(now, leaseMs) {
      const row = outboxStore.claimNext(now, leaseMs);
      if (row) times.set(row.id, { claimed: performance.now() });
      return row;
    },
    record(id, values) {
      outboxStore.record(id, values);
      const t = times.get(id);
      if (t) Object.assign(t, { done: performance.now(), status: values.status });
    },
    storeAllDue: (now) => outboxStore.storeAllDue(now),
    prepare: renderPendingNotices,
  };
}

async function main() {
  const { event, organizer, moved } = prepare();
  const db = getDb();
  // Who the moves concern, read independently of the notices' own query.
  const expected = new Set(
    db
      .selectDistinct({ id: stars.registrationId })
      .from(stars)
      .where(inArray(stars.sessionId, moved))
      .all()
      .map((r) => r.id),
  );

  const started = performance.now();
  const result = publishSchedule(organizer.id, event.id);
  const publishMs = performance.now() - started;
  if (!result.ok) throw new Error("Nothing was published.");
  const noticeRows = db.select({ id: changeNotices.id }).from(changeNotices).all().length;

  // What the mail worker does first in each round: the emails of the queued notices, after the commit.
  const writeStarted = performance.now();
  const written = renderPendingNotices();
  const writeMs = performance.now() - writeStarted;

  const queued = db
    .select({ registrationId: outbox.registrationId, attachments: outbox.attachments })
    .from(outbox)
    .where(eq(outbox.kind, "change-notice"))
    .all();
  const perPerson = new Map<number, number>();
  for (const q of queued) perPerson.set(q.registrationId!, (perPerson.get(q.registrationId!) ?? 0) + 1);
  const twice = [...perPerson.values()].filter((n) => n !== 1).length;
  const missing = [...expected].filter((id) => !perPerson.has(id)).length;
  const unexpected = [...perPerson.keys()].filter((id) => !expected.has(id)).length;
  const attachments = queued.reduce((sum, q) => sum + (q.attachments?.length ?? 0), 0);

  const times = new Map<number, { claimed: number; done?: number; status?: string }>();
  const deliveryStart = performance.now();
  await startOutboxWorker(timedStore(times));
  const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
  const pending = () => db.select({ id: outbox.id }).from(outbox).where(eq(outbox.status, "pending")).all().length;
  while (pending() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const deliveryMs = performance.now() - deliveryStart;
  stopOutboxWorker();
  const sent = [...times.values()].filter((t) => t.status === "sent");
  const failed = [...times.values()].filter((t) => t.status && t.status !== "sent").length;

  console.log(
    JSON.stringify({
      attendees: ATTENDEES,
      starsEach: STARS,
      moved: moved.length,
      publishMs,
      notified: result.notified.attendees,
      queued: queued.length,
      noticeRows,
      written,
      writeMs,
      attachments,
      expected: expected.size,
      twice,
      missing,
      unexpected,
      deliveryMs,
      sent: sent.length,
      failed,
      stillPending: pending(),
      perMessageMs: sent.map((t) => t.done! - t.claimed),
    }),
  );
  closeDb();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
