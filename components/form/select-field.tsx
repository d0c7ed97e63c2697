import type { ChangeEvent, ReactNode } from "react";
import { controlClass, describedBy, Field } from "./field";

type Option = { value: string | number; label: ReactNode };

type Props = {
  label: string;
  error?: string;
  hint?: string;
  alert?: boolean;
  compact?: boolean;
  hideLabel?: boolean;
  options: readonly Option[];
  /** The label of a first, empty choice ("any status", "choose a category"), if the select has one. */
  emptyOption?: string;
  defaultValue?: string | number;
  /** A controlled select (a filter applied at once) gives value and onChange instead of defaultValue. */
  value?: string | number;
  onChange?: (event: ChangeEvent<HTMLSelectElement>) => void;
  required?: boolean;
} & ({ name: string; id?: string } | { name?: undefined; id: string });

/** A labelled select, wired to its hint and error like every other field (field.tsx). */
export function SelectField({ name, label, id = `field-${name}`, error, hint, alert, compact, hideLabel, options, emptyOption, defaultValue, value, onChange, required }: Props) {
  return (
    <Field id={id} label={label} error={error} hint={hint} alert={alert} compact={compact} hideLabel={hideLabel}>
      <select
        {...describedBy(id, { error, hint })}
        name={name}
        defaultValue={defaultValue}
        value={value}
        onChange={onChange}
        required={required}
        className={controlClass(error, compact, hideLabel)}
      >
        {emptyOption !== undefined && <option value="">{emptyOption}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
