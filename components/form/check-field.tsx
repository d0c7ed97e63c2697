import type { ComponentProps, ReactNode } from "react";
import { describedBy, FieldError, FieldHint } from "./field";

type Own = {
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  alert?: boolean;
  /** A radio button of a group; a checkbox otherwise. */
  type?: "checkbox" | "radio";
};

/**
 * One box needs a name (and takes `field-${name}` as its id); a box of a group (several of one
 * name) gives its own id.
 */
type Naming = { name: string; id?: string } | { name?: string; id: string };

/** What else the box takes (value, checked or defaultChecked, onChange, disabled). */
type Rest = Omit<ComponentProps<"input">, keyof Own | "id" | "name" | "className" | "children" | "aria-invalid" | "aria-describedby">;

/**
 * A checkbox or a radio button with its label after the box, as people expect them, and its hint
 * and error under it, wired as Field wires them (aria-describedby, aria-invalid). Where several
 * boxes answer one question, the fieldset around them carries the question and its error.
 */
export function CheckField({ name, id = `field-${name}`, label, error, hint, alert, type = "checkbox", ...rest }: Own & Naming & Rest) {
  return (
    <div>
      <label htmlFor={id} className="flex items-start gap-2">
        <input type={type} {...rest} {...describedBy(id, { error, hint })} name={name} className="mt-1 size-4 shrink-0" />
        <span>{label}</span>
      </label>
      {hint && (
        <div className="mt-1">
          <FieldHint id={id}>{hint}</FieldHint>
        </div>
      )}
      {error && (
        <FieldError id={id} alert={alert}>
          {error}
        </FieldError>
      )}
    </div>
  );
}
