"use client";

import { useTranslations } from "next-intl";
import { toggleStar, usePersonalAgenda } from "./personal-agenda/store";

type Props = { slug: string; title: string; labelled?: boolean; className?: string };

/** Stars a session for the personal agenda: a toggle button whose name stays, pressed or not. */
export function StarButton({ slug, title, labelled, className = "" }: Props) {
  const t = useTranslations("stars");
  const starred = usePersonalAgenda()?.stars.includes(slug) ?? false;
  const shape = labelled
    ? "gap-1.5 border border-slate-300 px-3 py-1.5 font-semibold text-slate-800 hover:bg-amber-50 aria-pressed:border-amber-600 aria-pressed:bg-amber-50"
    : "size-7 text-slate-500 hover:bg-amber-50 hover:text-amber-700 focus-visible:outline-offset-0";
  return (
    <button
      type="button"
      aria-pressed={starred}
      aria-label={t("star", { title })}
      title={starred ? t("remove") : t("add")}
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
      {labelled && <span className="text-slate-800">{t("label")}</span>}
    </button>
  );
}
