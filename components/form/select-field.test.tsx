import { describe, expect, it } from "vitest";
import { SelectField } from "./select-field";
import { render } from "./test-render";

const statuses = [
  { value: "confirmed", label: "Confirmed" },
  { value: "waiting", label: "Waiting" },
];

describe("SelectField", () => {
  it("is labelled, named, and wired to its hint and error like any field", () => {
    const { byId, all, text } = render(<SelectField name="status" id="attendees-status" label="Status" hint="Of the registration" error="Choose one" options={statuses} />);
    expect(all("label")[0]!.attributes.for).toBe("attendees-status");
    expect(byId("attendees-status")).toMatchObject({ tag: "select", attributes: { name: "status", "aria-invalid": "true", "aria-describedby": "attendees-status-hint attendees-status-error" } });
    expect(text("attendees-status-error")).toBe("Choose one");
  });

  it("offers the empty choice first when it has one, and selects the value it is given", () => {
    const { all, html } = render(<SelectField name="status" label="Status" emptyOption="Any status" defaultValue="waiting" options={statuses} />);
    expect(all("option").map((o) => o.attributes.value)).toEqual(["", "confirmed", "waiting"]);
    expect(html).toContain('<option value="">Any status</option>');
    expect(all("option").find((o) => "selected" in o.attributes)?.attributes.value).toBe("waiting");
  });

  it("has no empty choice unless asked, and a controlled select without a name keeps the id it is given", () => {
    const { all, byId } = render(<SelectField id="checkin-day" label="Day" value="2024-07-11" onChange={() => {}} options={[{ value: "2024-07-10", label: "10 July" }, { value: "2024-07-11", label: "11 July" }]} />);
    expect(all("option").map((o) => o.attributes.value)).toEqual(["2024-07-10", "2024-07-11"]);
    expect(all("option").find((o) => "selected" in o.attributes)?.attributes.value).toBe("2024-07-11");
    expect(byId("checkin-day")!.attributes).not.toHaveProperty("name");
    expect(byId("checkin-day")!.attributes).not.toHaveProperty("aria-invalid");
  });

  it("with its label hidden, stands in a table's row at its own width, not the column's", () => {
    const hidden = render(<SelectField id="role-3" name="role" label="Role of a@example.test" hideLabel compact options={statuses} />);
    const shown = render(<SelectField id="role-3" name="role" label="Role" compact options={statuses} />);
    expect(hidden.byId("role-3")!.attributes.class!.split(" ")).not.toContain("w-full");
    expect(shown.byId("role-3")!.attributes.class!.split(" ")).toContain("w-full");
  });
});
