import { describe, expect, it } from "vitest";
import { afterFailedAttempt, MAX_SEND_ATTEMPTS } from "./templates";

const now = new Date("2024-07-10T02:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

describe("afterFailedAttempt", () => {
  it("backs off 30 s, 2 min, 10 min, 1 h, then longer", () => {
    expect(afterFailedAttempt(1, now)).toEqual({ status: "pending", nextAttemptAt: later(30_000) });
    expect(afterFailedAttempt(2, now)).toEqual({ status: "pending", nextAttemptAt: later(2 * 60_000) });
    expect(afterFailedAttempt(3, now)).toEqual({ status: "pending", nextAttemptAt: later(10 * 60_000) });
    expect(afterFailedAttempt(4, now)).toEqual({ status: "pending", nextAttemptAt: later(60 * 60_000) });
    let previous = 0;
    for (let n = 1; n < MAX_SEND_ATTEMPTS; n++) {
      const decision = afterFailedAttempt(n, now);
      expect(decision.status).toBe("pending");
      const delay = decision.nextAttemptAt!.getTime() - now.getTime();
      expect(delay).toBeGreaterThan(previous);
      previous = delay;
    }
  });

  it("gives up after the eighth failed attempt, and stays given up", () => {
    expect(MAX_SEND_ATTEMPTS).toBe(8);
    expect(afterFailedAttempt(7, now).status).toBe("pending");
    expect(afterFailedAttempt(8, now)).toEqual({ status: "failed", nextAttemptAt: null });
    expect(afterFailedAttempt(20, now)).toEqual({ status: "failed", nextAttemptAt: null });
  });

  it("treats nonsense counts safely", () => {
    expect(afterFailedAttempt(0, now)).toEqual({ status: "pending", nextAttemptAt: later(30_000) });
    expect(afterFailedAttempt(Number.NaN, now).status).toBe("failed");
  });
});
