import { afterEach, describe, expect, it } from "vitest";
import { startFakeSmtp } from "../../e2e/support/fake-smtp";
import { scheduleDelivery, startOutboxWorker, stopOutboxWorker, type DeliveryRecord, type OutboxStore, type OutgoingEmail } from "./outbox-worker";

/** An outbox in memory with the store's contract: a claim leases the email, a record needs it pending. */
function memoryOutbox(emails: OutgoingEmail[]) {
  const rows = emails.map((email) => ({ ...email, status: "pending" as DeliveryRecord["status"], due: 0 }));
  const store: OutboxStore = {
    claimNext(now, leaseMs) {
      const row = rows.find((r) => r.status === "pending" && r.due <= now.getTime());
      if (row) row.due = now.getTime() + leaseMs;
      return row;
    },
    record(id, values) {
      const row = rows.find((r) => r.id === id && r.status === "pending");
      if (row) Object.assign(row, values);
    },
    storeAllDue() {
      return rows.filter((r) => r.status === "pending").map((r) => ((r.status = "stored"), { id: r.id, kind: r.kind }));
    },
  };
  return { rows, store };
}

const email = (id: number): OutgoingEmail => ({ id, kind: "confirmation", to: `person-${id}@example.test`, subject: "s", text: "t", html: "<p>t</p>", attempts: 0 });

afterEach(() => {
  stopOutboxWorker();
  delete process.env.SMTP_URL;
});

describe("the mail worker", () => {
  it("sends at start what was pending before it, each email once", async () => {
    const smtp = await startFakeSmtp();
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
    const { rows, store } = memoryOutbox([email(1), email(2), email(3)]);
    await startOutboxWorker(store);
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
    expect(smtp.received.map((m) => m.to)).toEqual([["person-1@example.test"], ["person-2@example.test"], ["person-3@example.test"]]);
    await smtp.close();
  });

  it("does nothing on a nudge before it starts, and marks emails stored without SMTP_URL", async () => {
    const { rows, store } = memoryOutbox([email(4)]);
    scheduleDelivery(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rows[0]!.status).toBe("pending");
    await startOutboxWorker(store);
    expect(rows[0]!.status).toBe("stored");
  });

  it("lets the store write what was queued before each round, and sends an email's calendar files with it", async () => {
    const smtp = await startFakeSmtp();
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
    const { rows, store } = memoryOutbox([]);
    const ics = "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n";
    // A publication's notices become emails only in `prepare`: without it nothing would be sent.
    store.prepare = () => {
      if (rows.length > 0) return;
      rows.push({
        ...email(5),
        kind: "change-notice",
        attachments: [{ filename: "caf-talk.ics", contentType: "text/calendar; charset=utf-8; method=CANCEL", content: ics }],
        status: "pending",
        due: 0,
      });
    };
    await startOutboxWorker(store);
    expect(rows.map((r) => r.status)).toEqual(["sent"]);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.data).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=CANCEL/i);
    expect(smtp.received[0]!.data).toContain('filename=caf-talk.ics');
    await smtp.close();
  });

  it("wakes for each paced email at its time rather than waiting for the 30 s timer", async () => {
    const smtp = await startFakeSmtp();
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
    const { rows, store } = memoryOutbox([email(21), email(22), email(23)]);
    const start = Date.now();
    rows.forEach((r, i) => (r.due = start + i * 600));
    const sentAt = new Map<number, number>();
    const record = store.record;
    store.record = (id, values) => {
      sentAt.set(id, Date.now());
      record(id, values);
    };
    store.nextDueAt = (now) => {
      const due = rows.filter((r) => r.status === "pending" && r.due > now.getTime()).map((r) => r.due);
      return due.length ? new Date(Math.min(...due)) : undefined;
    };
    await startOutboxWorker(store);
    // The first at once, the last not yet (a slow first send may let the second's turn come meanwhile).
    expect(rows[0]!.status).toBe("sent");
    expect(rows[2]!.status).toBe("pending");
    // Well within the 30 s of the retry timer: only the wake-up can have sent them.
    await expect.poll(() => rows.map((r) => r.status), { timeout: 6000 }).toEqual(["sent", "sent", "sent"]);
    // Each went out at its turn, not before: the rate holds.
    expect(sentAt.get(22)! - start).toBeGreaterThanOrEqual(600);
    expect(sentAt.get(23)! - start).toBeGreaterThanOrEqual(1200);
    await smtp.close();
  });
});
