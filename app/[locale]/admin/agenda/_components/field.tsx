"use client";

import { controlClass, describedBy, Field as FormField } from "@/components/form/field";

type Props = {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  type?: "text" | "time" | "number";
  maxLength?: number;
  multiline?: boolean;
  options?: { value: string; label: string }[];
};

/** A labelled, controlled field of the session form (components/form/field.tsx with its state). */
export function Field({ label, name, value, onChange, error, hint, type = "text", maxLength, multiline, options }: Props) {
  const id = `session-${name}`;
  const common = { ...describedBy(id, { error, hint }), name, value, className: controlClass(error) };
  return (
    <FormField id={id} label={label} error={error} hint={hint}>
      {options ? (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : multiline ? (
        <textarea {...common} rows={3} maxLength={maxLength} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} maxLength={maxLength} step={type === "time" ? 300 : undefined} onChange={(e) => onChange(e.target.value)} />
      )}
    </FormField>
  );
}
