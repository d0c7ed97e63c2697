import type { ReactNode } from "react";

type Props = { id: string; label: string; error?: string; hint?: string; children: ReactNode };

/** A label, the control passed in (which names `${id}-error` when invalid), its hint and its error. */
export function Field({ id, label, error, hint, children }: Props) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && <p className="mt-1 text-sm text-slate-600">{hint}</p>}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}

export const controlClass = (invalid: boolean) =>
  `mt-1 w-full rounded-md border px-3 py-2 ${invalid ? "border-red-700" : "border-slate-400"}`;

export const invalidProps = (id: string, error: string | undefined) =>
  error ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` } : {};
