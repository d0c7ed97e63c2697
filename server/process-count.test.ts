import { describe, expect, it } from "vitest";
import { processCount } from "./process-count.mjs";

describe("processCount (WEB_CONCURRENCY)", () => {
  it("runs one process per core when unset or empty", () => {
    expect(processCount(undefined, 2)).toBe(2);
    expect(processCount(" ", 8)).toBe(8);
  });

  it("takes a whole number, 1 included", () => {
    expect(processCount("1", 2)).toBe(1);
    expect(processCount("4", 2)).toBe(4);
  });

  it("refuses anything else, naming the value", () => {
    for (const value of ["0", "-1", "1.5", "two", "1000"]) {
      expect(() => processCount(value, 2)).toThrow(`WEB_CONCURRENCY must be a whole number of processes from 1 to 256, not "${value}".`);
    }
  });
});
