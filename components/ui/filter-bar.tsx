"use client";

import { useState, type ReactNode } from "react";
import { TextField } from "@/components/form/text-field";

/** The search form above a filtered list; it never submits, every change applies at once. */
export function FilterBar({ label, columns, children }: { label: string; columns: string; children: ReactNode }) {
  return (
    <form
      role="search"
      aria-label={label}
      onSubmit={(e) => e.preventDefault()}
      className={`grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:items-end ${columns}`}
    >
      {children}
    </form>
  );
}

type SearchFieldProps = {
  id: string;
  label: string;
  placeholder: string;
  /** The search as the address has it. */
  value: string;
  onChange: (value: string) => void;
};

/**
 * Keeps what is typed, even while the address catches up, and takes the address's value when it
 * changes for another reason (a link, the back button, "clear filters").
 */
export function SearchField({ id, label, placeholder, value, onChange }: SearchFieldProps) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setText(value);
  }
  return (
    <TextField
      id={id}
      type="search"
      label={label}
      value={text}
      maxLength={200}
      placeholder={placeholder}
      onChange={(e) => {
        setText(e.target.value);
        onChange(e.target.value);
      }}
    />
  );
}

export function ClearButton({ disabled, onClick, children }: { disabled: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      disabled={disabled}
      onClick={onClick}
      className="rounded-md border border-slate-400 px-3 py-2 text-sm font-medium enabled:hover:bg-slate-100 disabled:opacity-50"
    >
      {children}
    </button>
  );
}
