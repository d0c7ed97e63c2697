import type { ReactNode } from "react";

type Props = {
  /** The control's id: the label names it, and `${id}-hint` and `${id}-error` describe it. */
  id: string;
  label: ReactNode;
  error?: ReactNode;
  hint?: ReactNode;
  /** Announce the error as it appears (role="alert"), for forms that stay in place after saving. */
  alert?: boolean;
  /** The smaller label of the agenda editor's inline forms and the console's filters. */
  compact?: boolean;
  /** A label for screen readers only, where a row or a heading already says what the control is. */
  hideLabel?: boolean;
  /** The control, given the attributes of `describedBy(id, { error, hint })`. */
  children: ReactNode;
};

/**
 * The one form field of the console and the public forms: a label, its hint, the control passed
 * in and its error. The control names the hint and the error in aria-describedby (describedBy),
 * so a screen reader reads them with it and the e2e specs find them by accessible description.
 * A checkbox or a radio button, whose label follows the box, is a CheckField (check-field.tsx).
 */
export function Field({ id, label, error, hint, alert, compact, hideLabel, children }: Props) {
  return (
    <div>
      <label htmlFor={id} className={hideLabel ? "sr-only" : `block font-medium text-slate-800 ${compact ? "text-sm" : ""}`}>
        {label}
      </label>
      {/* The hint before the control, as GOV.UK's forms have it: read before typing, not after. */}
      {hint && <FieldHint id={id}>{hint}</FieldHint>}
      {children}
      {error && (
        <FieldError id={id} alert={alert}>
          {error}
        </FieldError>
      )}
    </div>
  );
}

/** The hint of the control `id`, named by its aria-describedby. */
export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={`${id}-hint`} className="text-sm text-slate-600">
      {children}
    </p>
  );
}

/** The error of the control `id`, named by its aria-describedby. */
export function FieldError({ id, alert, children }: { id: string; alert?: boolean; children: ReactNode }) {
  return (
    <p id={`${id}-error`} role={alert ? "alert" : undefined} className="mt-1 text-sm font-medium text-red-800">
      {children}
    </p>
  );
}

/** The id, aria-invalid and aria-describedby a control inside a Field takes. */
export function describedBy(id: string, { error, hint }: { error?: unknown; hint?: unknown }) {
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return { id, "aria-invalid": error ? (true as const) : undefined, "aria-describedby": described || undefined };
}

/**
 * The border that turns red with an error. A control whose label is hidden stands in a row (a
 * table's), so it keeps its own width there instead of the column's.
 */
export function controlClass(invalid: unknown, compact = false, inline = false) {
  return `${inline ? "" : "mt-1 w-full"} rounded-md border bg-white ${compact ? "px-2 py-1" : "px-3 py-2"} ${invalid ? "border-red-700" : "border-slate-400"}`;
}
