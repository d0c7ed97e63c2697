import { describe, expect, it } from "vitest";
import { likePattern, parseCheckinInput } from "./input";
import { canUndo, decideCheckin, defaultDay, UNDO_WINDOW_MS } from "./rules";

describe("parseCheckinInput", () => {
  it("reads a scanned ticket token, keeping the signature's case", () => {
    const token = "CAF-7K3M9Q2X.AbCdEfGhIjKlMnOpQrStUv";
    expect(parseCheckinInput(` ${token}\n`)).toEqual({ kind: "token", token });
    expect(parseCheckinInput("caf-7k3m9q2x.AbCdEfGhIjKlMnOpQrStUv")).toEqual({ kind: "token", token });
  });

  it("reads a typed code in any case, with or without the dash", () => {
    for (const typed of ["CAF-7K3M9Q2X", "caf-7k3m9q2x", "CAF7K3M9Q2X", "caf 7k3m9q2x", " Caf - 7K3M9Q2X "]) {
      expect(parseCheckinInput(typed)).toEqual({ kind: "code", code: "CAF-7K3M9Q2X" });
    }
  });

  it("takes anything else of two characters or more as a name", () => {
    expect(parseCheckinInput("王小明")).toEqual({ kind: "name", query: "王小明" });
    expect(parseCheckinInput("Li")).toEqual({ kind: "name", query: "Li" });
    expect(parseCheckinInput("CAF-123")).toEqual({ kind: "name", query: "CAF-123" });
    expect(parseCheckinInput("CAF-7K3M9Q2X.short")).toEqual({ kind: "name", query: "CAF-7K3M9Q2X.short" });
  });

  it("ignores empty and one-character input", () => {
    expect(parseCheckinInput("   ")).toEqual({ kind: "empty" });
    expect(parseCheckinInput("a")).toEqual({ kind: "empty" });
  });
});

describe("likePattern", () => {
  it("takes the user's wildcards literally", () => {
    expect(likePattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });
});

describe("decideCheckin", () => {
  const confirmed = { status: "confirmed" as const, days: ["2024-07-11", "2024-07-12"], erased: false };

  it("checks in a confirmed attendee on a day they registered for", () => {
    expect(decideCheckin(confirmed, "2024-07-12", false)).toBe("checkedIn");
  });

  it("says so when the attendee is already checked in that day", () => {
    expect(decideCheckin(confirmed, "2024-07-11", true)).toBe("alreadyCheckedIn");
  });

  it("refuses a day the attendee did not register for", () => {
    expect(decideCheckin(confirmed, "2024-07-13", false)).toBe("notForDay");
  });

  it("refuses the waiting list and cancellations, whatever their days", () => {
    expect(decideCheckin({ ...confirmed, status: "waiting" }, "2024-07-11", false)).toBe("waiting");
    expect(decideCheckin({ ...confirmed, status: "pending" }, "2024-07-11", false)).toBe("waiting");
    expect(decideCheckin({ ...confirmed, status: "cancelled" }, "2024-07-11", true)).toBe("cancelled");
  });

  it("treats a missing or erased registration as unknown", () => {
    expect(decideCheckin(null, "2024-07-11", false)).toBe("unknown");
    expect(decideCheckin({ ...confirmed, erased: true }, "2024-07-11", false)).toBe("unknown");
  });
});

describe("canUndo", () => {
  const at = Date.UTC(2024, 6, 11, 1, 0, 0);

  it("allows an undo for a minute after the check-in", () => {
    expect(canUndo(at, at)).toBe(true);
    expect(canUndo(at, at + 30_000)).toBe(true);
    expect(canUndo(new Date(at), new Date(at + UNDO_WINDOW_MS))).toBe(true);
  });

  it("refuses it after the minute", () => {
    expect(canUndo(at, at + UNDO_WINDOW_MS + 1)).toBe(false);
    expect(canUndo(at, at + 3_600_000)).toBe(false);
  });

  it("tolerates small clock skew but not a check-in from the future", () => {
    expect(canUndo(at + 1_000, at)).toBe(true);
    expect(canUndo(at + 60_000, at)).toBe(false);
  });
});

describe("defaultDay", () => {
  const days = ["2024-07-11", "2024-07-12", "2024-07-13"];
  it("is today during the forum, else the first day", () => {
    expect(defaultDay(days, "2024-07-12")).toBe("2024-07-12");
    expect(defaultDay(days, "2026-11-28")).toBe("2024-07-11");
  });
});
