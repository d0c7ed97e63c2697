import { describe, expect, it } from "vitest";
import { seededEdition as event } from "../test-fixtures/edition";
import { daysOf } from "../edition";
import { attendeeSchema as schemaFor, promoteSchema } from "./input";

const attendeeSchema = schemaFor(daysOf(event));

const base = {
  fullName: " Wang Xiaoming ",
  email: "wang@example.test",
  organisation: "Example Motors",
  jobTitle: "Engineer",
  category: "industry",
  days: ["2024-07-12"],
};

describe("attendeeSchema", () => {
  it("applies the public form's rules and trims", () => {
    const parsed = attendeeSchema.parse({ ...base, altName: " 王小明 ", locale: "zh-CN" });
    expect(parsed.fullName).toBe("Wang Xiaoming");
    expect(parsed.altName).toBe("王小明");
    expect(parsed.locale).toBe("zh-CN");
  });

  it("stores an empty name in the other script as none", () => {
    expect(attendeeSchema.parse({ ...base, altName: "  " }).altName).toBeNull();
  });

  it("refuses what the public form refuses", () => {
    const result = attendeeSchema.safeParse({ ...base, email: "nope", days: [] });
    expect(result.success).toBe(false);
  });
});

describe("promoteSchema", () => {
  it("needs a reason", () => {
    expect(promoteSchema.safeParse({ id: "3", reason: "  " }).success).toBe(false);
    expect(promoteSchema.parse({ id: "3", reason: "Keynote speaker's guest" })).toEqual({ id: 3, reason: "Keynote speaker's guest" });
  });
});
