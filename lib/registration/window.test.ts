import { describe, expect, it } from "vitest";
import { forumCapacity } from "./capacity";
import { registrationWindowState } from "./window";

const at = (iso: string) => new Date(iso);

describe("registrationWindowState", () => {
  const opens = at("2024-05-01T00:00:00Z");
  const closes = at("2024-07-10T10:00:00Z");

  it("is open with no bounds", () => {
    expect(registrationWindowState(at("2020-01-01T00:00:00Z"), null, null)).toBe("open");
  });

  it("is not yet open before the opening instant, open from it", () => {
    expect(registrationWindowState(opens.getTime() - 1, opens, closes)).toBe("notYetOpen");
    expect(registrationWindowState(opens, opens, closes)).toBe("open");
  });

  it("is closed from the closing instant on", () => {
    expect(registrationWindowState(closes.getTime() - 1, opens, closes)).toBe("open");
    expect(registrationWindowState(closes, opens, closes)).toBe("closed");
    expect(registrationWindowState(at("2030-01-01T00:00:00Z"), null, closes)).toBe("closed");
  });
});

describe("forumCapacity", () => {
  it("takes the stored capacity over the environment", () => {
    expect(forumCapacity(12)).toBe(12);
    expect(forumCapacity(0)).toBe(0);
  });

  it("falls back to FORUM_CAPACITY, then 250", () => {
    const saved = process.env.FORUM_CAPACITY;
    try {
      process.env.FORUM_CAPACITY = "20";
      expect(forumCapacity(null)).toBe(20);
      delete process.env.FORUM_CAPACITY;
      expect(forumCapacity(undefined)).toBe(250);
      process.env.FORUM_CAPACITY = "lots";
      expect(forumCapacity(-3)).toBe(250);
    } finally {
      if (saved === undefined) delete process.env.FORUM_CAPACITY;
      else process.env.FORUM_CAPACITY = saved;
    }
  });
});
