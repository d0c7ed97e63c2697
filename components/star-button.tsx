"use client";

import { toggleStar, usePersonalAgenda } from "./personal-agenda/store";

/** The strings of the "stars" namespace, translated by the caller: `name` is "Star <title>". */
export type StarLabels = { name: string; add: string; remove: string; label: string };
type Props = { slug: string; labels: StarLabels; labelled?: boolean; className?: string };

/** Stars a session for the personal agenda: a toggle button whose name stays, pressed or not. */
export function StarButton({ slug, labels, labelled, className = "" }: Props) {
  const starred = usePersonalAgenda()?.stars.includes(slug) ?? false;
  const shape = labelled
    ? "gap-1.5 border border-slate-300 px-3 py-1.5 font-semibold text-slate-800 hover:bg-amber-50 aria-pressed:border-amber-600 aria-pressed:bg-amber-50"
    : "size-7 text-slate-500 hover:bg-amber-50 hover:text-amber-700 focus-visible:outline-offset-0";
  return (
    <button
      type="button"
      data-star={slug}
      aria-pressed={starred}
      aria-label={labels.name}
      title={starred ? labels.remove : labels.add}
      onClick={() => void toggleStar(slug, !starred)}
      className={`inline-flex shrink-0 items-center justify-center rounded-md aria-pressed:text-amber-600 ${shape} ${className}`}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" className="size-5">
        <path
          d="M12 2.8l2.8 5.9 6.4.8-4.7 4.4 1.2 6.4L12 17.1l-5.7 3.2 1.2-6.4-4.7-4.4 6.4-.8z"
          fill={starred ? "currentColor" : "none"}
          stroke="currentColor"
          strokeWidth="1.7"
          strokeLinejoin="round"
        />
      </svg>
      {labelled && <span className="text-slate-800">{labels.label}</span>}
    </button>
  );
}
