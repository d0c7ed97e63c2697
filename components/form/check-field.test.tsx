import { describe, expect, it } from "vitest";
import { CheckField } from "./check-field";
import { render } from "./test-render";

describe("CheckField", () => {
  it("is a checkbox named for the form, labelled by the text after it", () => {
    const { byId, all, html } = render(<CheckField name="listed" label="Listed on the public site" defaultChecked />);
    expect(byId("field-listed")!.attributes).toMatchObject({ type: "checkbox", name: "listed", checked: "" });
    expect(all("label")[0]!.attributes.for).toBe("field-listed");
    // The box comes first, then its text, inside the one label.
    expect(html).toMatch(/<label[^>]*><input[^>]*\/?><span>Listed on the public site<\/span><\/label>/);
  });

  it("names its hint and its error, and is invalid only with an error", () => {
    const plain = render(<CheckField name="consent" label="I agree" hint="Read the notice" />);
    expect(plain.byId("field-consent")!.attributes["aria-describedby"]).toBe("field-consent-hint");
    expect(plain.byId("field-consent")!.attributes).not.toHaveProperty("aria-invalid");
    const wrong = render(<CheckField name="consent" label="I agree" error="Agree to register" alert />);
    expect(wrong.byId("field-consent")!.attributes).toMatchObject({ "aria-invalid": "true", "aria-describedby": "field-consent-error" });
    expect(wrong.byId("field-consent-error")!.attributes.role).toBe("alert");
    expect(wrong.text("field-consent-error")).toBe("Agree to register");
  });

  it("is one radio button of a group, with its own id and the group's name and value", () => {
    const { byId } = render(<CheckField type="radio" name="mode" id="field-mode-open" value="open" label="Open" />);
    expect(byId("field-mode-open")!.attributes).toMatchObject({ type: "radio", name: "mode", value: "open" });
    expect(byId("field-mode-open")!.attributes).not.toHaveProperty("checked");
  });

  it("a box that is not sent (a setting of this browser) has an id and no name", () => {
    const { byId } = render(<CheckField id="keep-offline" label="Keep offline" checked={false} disabled onChange={() => {}} />);
    expect(byId("keep-offline")!.attributes).toMatchObject({ type: "checkbox", disabled: "" });
    expect(byId("keep-offline")!.attributes).not.toHaveProperty("name");
  });
});
