import { describe, expect, it } from "vitest";
import { isUuid, scheduleGuid, URL_NAMESPACE, uuidV5 } from "./uuid";

describe("uuidV5", () => {
  it("gives the RFC's name-based UUIDs (the values of Python's uuid.uuid5)", () => {
    const DNS = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
    expect(uuidV5(DNS, "python.org")).toBe("886313e1-3b8a-5372-9b90-0c9aee199e5d");
    expect(uuidV5(URL_NAMESPACE, "urn:x-forum:caf2024:session:1")).toBe(
      "ddfed548-9c77-5c21-9d09-515ba7af6f2f",
    );
    expect(uuidV5(URL_NAMESPACE, "https://例子.com/")).toBe("c114cd0e-1492-5eec-8c35-7bdac6309452");
  });

  it("refuses a namespace that is not a UUID", () => {
    expect(() => uuidV5("caf2024", "x")).toThrow(RangeError);
  });
});

describe("scheduleGuid", () => {
  it("depends on the event, the kind and the key only", () => {
    const a = scheduleGuid("caf2024", "session", 7);
    expect(isUuid(a)).toBe(true);
    expect(scheduleGuid("caf2024", "session", 7)).toBe(a);
    expect(scheduleGuid("caf2024", "session", 8)).not.toBe(a);
    expect(scheduleGuid("caf2025", "session", 7)).not.toBe(a);
    expect(scheduleGuid("caf2024", "person", 7)).not.toBe(a);
  });
});
