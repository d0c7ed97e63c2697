"use client";

import { useState } from "react";

type Props = { heading: string; help: string; confirmLabel: string; action: () => unknown };

/** A destructive step behind a second, explicit button. */
export function ConfirmAction({ heading, help, confirmLabel, action }: Props) {
  const [armed, setArmed] = useState(false);
  return (
    <section className="rounded-xl border border-red-200 bg-white p-5">
      <h2 className="text-xl font-bold">{heading}</h2>
      <p className="mt-1 text-slate-700">{help}</p>
      {armed ? (
        <form action={action as () => void} className="mt-3">
          <button type="submit" className="rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800">
            {confirmLabel}
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setArmed(true)} className="mt-3 rounded-md border border-red-700 px-4 py-2 font-semibold text-red-800 hover:bg-red-50">
          {heading}…
        </button>
      )}
    </section>
  );
}
