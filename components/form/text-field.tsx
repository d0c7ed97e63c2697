import { controlClass, describedBy, Field } from "./field";

type Props = {
  name: string;
  label: string;
  /** Defaults to `field-${name}`; a form with fields of the same name elsewhere on the page gives its own. */
  id?: string;
  error?: string;
  hint?: string;
  alert?: boolean;
  compact?: boolean;
  defaultValue?: string | number;
  type?: "text" | "email" | "tel" | "password" | "number" | "date" | "datetime-local";
  autoComplete?: string;
  maxLength?: number;
  min?: number;
  multiline?: boolean;
  required?: boolean;
};

/** A labelled text input (or textarea) whose hint and error stand next to it and are announced with it. */
export function TextField({ name, label, id = `field-${name}`, error, hint, alert, compact, defaultValue, type = "text", autoComplete, maxLength, min, multiline, required }: Props) {
  const common = { ...describedBy(id, { error, hint }), name, defaultValue, maxLength, required, className: controlClass(error, compact) };
  return (
    <Field id={id} label={label} error={error} hint={hint} alert={alert} compact={compact}>
      {multiline ? <textarea rows={2} {...common} /> : <input type={type} autoComplete={autoComplete} min={min} {...common} />}
    </Field>
  );
}
