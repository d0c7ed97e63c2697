import { afterEach, describe, expect, it, vi } from "vitest";
import { withSeededDatabase } from "../test-support";
import { getDb } from "../client";
import { outbox } from "../schema";
import { startOutboxWorker, stopOutboxWorker } from "../../lib/email/outbox-worker";
import { enqueueEmail, outboxStore } from "./outbox";

withSeededDatabase("outbox-log");
afterEach(() => {
  vi.restoreAllMocks();
  stopOutboxWorker();
});

describe("the outbox's log", () => {
  it("names a stored email by its id, never by its address", async () => {
    const smtp = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void lines.push(args.join(" ")));
    const to = "li.wei.private@example.test";
    enqueueEmail(getDb(), {
      registrationId: null,
      kind: "confirmation",
      to,
      data: { locale: "en", fullName: "Li Wei", code: "CAF-23456789", manageUrl: "http://localhost/en/ticket/x" },
    });
    const id = getDb().select({ id: outbox.id }).from(outbox).all().at(-1)!.id;
    await startOutboxWorker(outboxStore);
    if (smtp !== undefined) process.env.SMTP_URL = smtp;
    const mine = lines.filter((line) => line.startsWith("[mail]"));
    expect(mine).toEqual([`[mail] id=${id} kind=confirmation stored`]);
    expect(lines.join("\n")).not.toContain(to);
    expect(lines.join("\n")).not.toContain("Li Wei");
  });
});
