import { describe, expect, it } from "vitest";
import { closeDb } from "../client";
import { inAnotherProcess, withSeededDatabase } from "../test-support";
import { attemptKeys, attemptRecords, reserveAttempt } from "./sign-in-attempts";
import { authenticate, createUser } from "./users";

withSeededDatabase("sign-in-attempts");

const PASSWORD = "the right passphrase";
let n = 0;
const uniqueEmail = () => `throttled-${++n}-${process.pid}@forum.test`;

/** One process of its own on the same database file, making `count` attempts as fast as it can. */
async function attemptsInAnotherProcess(email: string, address: string, count: number, startAt: number): Promise<number> {
  const code = `
    const loaded = await import("./db/queries/sign-in-attempts.ts");
    const { attemptKeys, reserveAttempt } = loaded.default ?? loaded;
    const keys = attemptKeys(${JSON.stringify(email)}, ${JSON.stringify(address)});
    while (Date.now() < ${startAt}) await new Promise((resolve) => setTimeout(resolve, 5));
    let ok = 0;
    for (let i = 0; i < ${count}; i++) if (reserveAttempt(keys).ok) ok++;
    console.log(ok);`;
  return Number((await inAnotherProcess(code)).trim());
}

describe("sign-in attempts in the database", () => {
  it("count every attempt before the check: 8 of 200 for one email and address", () => {
    const keys = attemptKeys(uniqueEmail(), "198.51.100.1");
    const admitted = Array.from({ length: 200 }, () => reserveAttempt(keys)).filter((r) => r.ok);
    expect(admitted).toHaveLength(8);
    expect(attemptRecords(keys).pair).toHaveLength(8);
  });

  it("hold across server processes on one database: 4 processes, 50 attempts each, 8 through", async () => {
    const email = uniqueEmail();
    const startAt = Date.now() + 6_000;
    const admitted = await Promise.all(Array.from({ length: 4 }, () => attemptsInAnotherProcess(email, "198.51.100.2", 50, startAt)));
    expect(admitted.reduce((a, b) => a + b, 0)).toBe(8);
    closeDb();
    expect(attemptRecords(attemptKeys(email, "198.51.100.2")).pair).toHaveLength(8);
  }, 60_000);
});

describe("authenticate", () => {
  it("checks at most 8 of 30 parallel wrong passwords; the owner still signs in from elsewhere", async () => {
    const email = uniqueEmail();
    await createUser({ email, role: "staff", password: PASSWORD, mustChangePassword: false }, "system");
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => authenticate(email, `wrong ${i}`, "203.0.113.5")));
    const reasons = results.map((r) => (r.ok ? "ok" : r.reason));
    expect(reasons.filter((r) => r === "invalid").length).toBeLessThanOrEqual(8);
    expect(reasons.filter((r) => r === "locked").length).toBeGreaterThanOrEqual(22);
    // From the attacker's address, even the right password is refused for now.
    expect(await authenticate(email, PASSWORD, "203.0.113.5")).toMatchObject({ ok: false, reason: "locked" });
    // From the owner's, it is only slowed down.
    const started = Date.now();
    expect(await authenticate(email, PASSWORD, "192.0.2.44")).toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  }, 60_000);

  it("a right password clears its pair and does not count against the email", async () => {
    const email = uniqueEmail();
    await createUser({ email, role: "staff", password: PASSWORD, mustChangePassword: false }, "system");
    expect((await authenticate(email, "wrong", "192.0.2.50")).ok).toBe(false);
    expect((await authenticate(email, PASSWORD, "192.0.2.50")).ok).toBe(true);
    const records = attemptRecords(attemptKeys(email, "192.0.2.50"));
    expect(records.pair).toHaveLength(0);
    expect(records.email).toHaveLength(1);
  }, 30_000);
});
