"use client";

import { SelectField } from "@/components/form/select-field";

type Props = {
  id: string;
  label: string;
  allLabel: string;
  value: string | null;
  options: { value: string; label: string }[];
  onChange: (value: string | null) => void;
};

/** A labelled select whose empty choice means "all". */
export function FilterSelect({ id, label, allLabel, value, options, onChange }: Props) {
  return <SelectField id={id} label={label} emptyOption={allLabel} value={value ?? ""} onChange={(e) => onChange(e.target.value || null)} options={options} />;
}
