type Props = {
  name: string;
  label: string;
  error?: string;
  defaultValue?: string;
  type?: "text" | "email" | "tel";
  autoComplete?: string;
  maxLength?: number;
  multiline?: boolean;
};

/** A labelled input whose error stands next to it and is announced with it. */
export function TextField({ name, label, error, defaultValue, type = "text", autoComplete, maxLength, multiline }: Props) {
  const id = `field-${name}`;
  const common = {
    id,
    name,
    defaultValue,
    maxLength,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : undefined,
    className: `mt-1 w-full rounded-md border px-3 py-2 ${error ? "border-red-700" : "border-slate-400"}`,
  };
  return (
    <div>
      <label htmlFor={id} className="block font-medium text-slate-800">
        {label}
      </label>
      {multiline ? <textarea rows={2} {...common} /> : <input type={type} autoComplete={autoComplete} {...common} />}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
