import type { ComponentProps } from "react";
import { controlClass, describedBy, Field } from "./field";

type Own = {
  label: string;
  error?: string;
  hint?: string;
  alert?: boolean;
  compact?: boolean;
  hideLabel?: boolean;
  defaultValue?: string | number;
  type?: "text" | "email" | "tel" | "password" | "number" | "date" | "datetime-local" | "search" | "file";
  maxLength?: number;
  multiline?: boolean;
  required?: boolean;
};

/** A control sent with the form has a name and takes its id from it; one that is not (a search box driven by state) names its id. */
type Naming = { name: string; id?: string } | { name?: undefined; id: string };

/** What else the input takes (value and onChange, accept, autoCapitalize...); the Field owns its id, class and descriptions. */
type Rest = Omit<ComponentProps<"input">, keyof Own | "id" | "name" | "className" | "children" | "aria-invalid" | "aria-describedby">;

type Props = Own & Naming & Rest;

/** A labelled text input (or textarea) whose hint and error stand next to it and are announced with it. */
export function TextField({ name, label, id = `field-${name}`, error, hint, alert, compact, hideLabel, defaultValue, type = "text", maxLength, multiline, required, ...rest }: Props) {
  const common = { ...describedBy(id, { error, hint }), name, defaultValue, maxLength, required, className: controlClass(error, compact, hideLabel) };
  return (
    <Field id={id} label={label} error={error} hint={hint} alert={alert} compact={compact} hideLabel={hideLabel}>
      {multiline ? <textarea rows={2} {...common} /> : <input type={type} {...rest} {...common} />}
    </Field>
  );
}
