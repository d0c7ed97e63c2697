type Props = {
  id: string;
  name: string;
  label: string;
  defaultValue?: string | number;
  error?: string;
  type?: "text" | "number";
};

/** A labelled field of a room or track form. */
export function VenueField({ id, name, label, defaultValue, error, type = "text" }: Props) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`mt-1 w-full rounded-md border px-2 py-1 ${error ? "border-red-700" : "border-slate-400"}`}
      />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
