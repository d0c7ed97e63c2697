import { describe, expect, it } from "vitest";
import { parseRange } from "./range";

describe("a Range header", () => {
  it("answers the whole file without one, or with one it does not serve in parts", () => {
    expect(parseRange(null, 100)).toEqual({ kind: "whole" });
    expect(parseRange("bytes=0-10,20-30", 100)).toEqual({ kind: "whole" });
    expect(parseRange("items=0-10", 100)).toEqual({ kind: "whole" });
    expect(parseRange("bytes=-", 100)).toEqual({ kind: "whole" });
  });

  it("answers a range with its bytes, the end inclusive and clamped to the file", () => {
    expect(parseRange("bytes=0-9", 100)).toEqual({ kind: "partial", start: 0, end: 9 });
    expect(parseRange("bytes=90-", 100)).toEqual({ kind: "partial", start: 90, end: 99 });
    expect(parseRange("bytes=90-500", 100)).toEqual({ kind: "partial", start: 90, end: 99 });
    expect(parseRange("bytes=-10", 100)).toEqual({ kind: "partial", start: 90, end: 99 });
    expect(parseRange("bytes=-500", 100)).toEqual({ kind: "partial", start: 0, end: 99 });
  });

  it("says a range past the end cannot be satisfied", () => {
    expect(parseRange("bytes=100-", 100)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=-0", 100)).toEqual({ kind: "unsatisfiable" });
  });
});
