import { describe, expect, it } from "vitest";
import { percentile, percentiles } from "./percentile.mjs";

describe("percentile (nearest rank)", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it("reads the value at the rank that p percent of the values reach", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([10, 20, 30], 50)).toBe(20);
    // One slow answer in ten is the p95 and the p99 of ten answers: never averaged away.
    expect(percentile([1, 1, 1, 1, 1, 1, 1, 1, 1, 900], 95)).toBe(900);
  });

  it("takes the first value at p 0 and the only value of a list of one", () => {
    expect(percentile(hundred, 0)).toBe(1);
    expect(percentile([7], 99)).toBe(7);
  });

  it("is NaN without values, so that an empty run meets no latency target", () => {
    expect(percentile([], 99)).toBeNaN();
    expect(percentile([], 99) <= 150).toBe(false);
  });

  it("sorts a copy for several percentiles at once", () => {
    const values = [5, 3, 9, 1, 7];
    expect(percentiles(values, [50, 99])).toEqual({ p50: 5, p99: 9 });
    expect(values).toEqual([5, 3, 9, 1, 7]);
  });
});
