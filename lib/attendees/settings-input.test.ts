import { describe, expect, it } from "vitest";
import { instantToLocal, localToInstant, settingsSchema } from "./settings-input";

const form = { capacity: "300", opensAt: "", closesAt: "2024-07-10T18:00", startDate: "2024-07-11", endDate: "2024-07-13" };

describe("settingsSchema", () => {
  it("reads a capacity, or blank for the default", () => {
    expect(settingsSchema.parse(form).capacity).toBe(300);
    expect(settingsSchema.parse({ ...form, capacity: " " }).capacity).toBeNull();
  });

  it.each(["-1", "2.5", "many"])("refuses the capacity %j", (capacity) => {
    const result = settingsSchema.safeParse({ ...form, capacity });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("invalidCapacity");
  });

  it.each([
    ["startDate", "2024-02-30"],
    ["endDate", "2024-13-01"],
    ["opensAt", "2024-07-10T25:00"],
    ["closesAt", "2024-02-30T09:00"],
    ["opensAt", "2024-07-10T09:60"],
  ])("refuses %s %j, a day or time that does not exist", (field, value) => {
    const result = settingsSchema.safeParse({ ...form, [field]: value });
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });

  it("refuses a window that closes before it opens, and days the wrong way round", () => {
    const window = settingsSchema.safeParse({ ...form, opensAt: "2024-07-10T18:00", closesAt: "2024-07-10T09:00" });
    expect(window.error?.issues.map((i) => i.message)).toEqual(["closesBeforeOpens"]);
    const days = settingsSchema.safeParse({ ...form, startDate: "2024-07-13", endDate: "2024-07-11" });
    expect(days.error?.issues.map((i) => i.message)).toEqual(["endBeforeStart"]);
  });
});

describe("forum time", () => {
  it("reads and writes datetime-local values on Shanghai's clocks", () => {
    const instant = localToInstant("2024-07-10T18:00", "Asia/Shanghai");
    expect(instant?.toISOString()).toBe("2024-07-10T10:00:00.000Z");
    expect(instantToLocal(instant, "Asia/Shanghai")).toBe("2024-07-10T18:00");
    expect(localToInstant("", "Asia/Shanghai")).toBeNull();
    expect(instantToLocal(null, "Asia/Shanghai")).toBe("");
  });
});
