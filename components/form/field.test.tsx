import { describe, expect, it } from "vitest";
import { Field, describedBy } from "./field";
import { TextField } from "./text-field";
import { render } from "./test-render";

describe("Field", () => {
  it("names its control in the label, and the control names the hint and the error", () => {
    const { byId, all, text } = render(
      <Field id="x" label="Name" hint="As on your passport" error="Enter a name">
        <input {...describedBy("x", { hint: true, error: true })} />
      </Field>,
    );
    expect(all("label")[0]!.attributes.for).toBe("x");
    expect(byId("x")!.attributes["aria-describedby"]).toBe("x-hint x-error");
    expect(byId("x")!.attributes["aria-invalid"]).toBe("true");
    expect(text("x-hint")).toBe("As on your passport");
    expect(text("x-error")).toBe("Enter a name");
  });

  it("describes nothing and is valid when there is neither hint nor error", () => {
    const { byId, html } = render(
      <Field id="x" label="Name">
        <input {...describedBy("x", {})} />
      </Field>,
    );
    expect(byId("x")!.attributes).not.toHaveProperty("aria-describedby");
    expect(byId("x")!.attributes).not.toHaveProperty("aria-invalid");
    expect(html).not.toContain("x-hint");
    expect(html).not.toContain("x-error");
  });

  it("announces the error only when asked to", () => {
    const quiet = render(<Field id="x" label="Name" error="Wrong"><input /></Field>);
    const loud = render(<Field id="x" label="Name" error="Wrong" alert><input /></Field>);
    expect(quiet.byId("x-error")!.attributes).not.toHaveProperty("role");
    expect(loud.byId("x-error")!.attributes.role).toBe("alert");
  });

  it("keeps a hidden label for screen readers", () => {
    const { all, html } = render(<Field id="role-3" label="Role of a@example.test" hideLabel><select id="role-3" /></Field>);
    expect(all("label")[0]!.attributes).toMatchObject({ for: "role-3", class: "sr-only" });
    expect(html).toContain(">Role of a@example.test</label>");
  });
});

describe("TextField", () => {
  it("takes its id from its name, and sends its name with the form", () => {
    const { byId, all } = render(<TextField name="fullName" label="Full name" error="Enter your name" />);
    expect(all("label")[0]!.attributes.for).toBe("field-fullName");
    expect(byId("field-fullName")!.attributes).toMatchObject({ name: "fullName", type: "text", "aria-invalid": "true", "aria-describedby": "field-fullName-error" });
  });

  it("gives an unnamed control (a search box driven by state) the id it names, and passes the input's own attributes", () => {
    const { byId } = render(<TextField id="checkin-entry" label="Code" hint="CAF-…" value="ab" onChange={() => {}} autoCapitalize="characters" spellCheck={false} />);
    expect(byId("checkin-entry")!.attributes).toMatchObject({ value: "ab", autoCapitalize: "characters", spellCheck: "false", "aria-describedby": "checkin-entry-hint" });
    expect(byId("checkin-entry")!.attributes).not.toHaveProperty("name");
  });

  it("is a file input with the types it accepts", () => {
    const { byId } = render(<TextField name="photo" id="photo-file" type="file" accept="image/png" label="Photo" required />);
    expect(byId("photo-file")!.attributes).toMatchObject({ type: "file", accept: "image/png", name: "photo", required: "" });
  });

  it("is a textarea when multiline", () => {
    const { byId } = render(<TextField name="bio" label="Biography" multiline hint="Two lines" />);
    expect(byId("field-bio")!.tag).toBe("textarea");
    expect(byId("field-bio")!.attributes["aria-describedby"]).toBe("field-bio-hint");
  });
});
