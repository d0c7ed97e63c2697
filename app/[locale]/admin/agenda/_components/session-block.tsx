"use client";

import { useLocale, useTranslations } from "next-intl";
import type { KeyboardEvent, PointerEvent } from "react";
import { pick } from "@/lib/localized";
import { hhmm, type EditorSession } from "./types";

type Props = {
  session: EditorSession;
  start: number;
  end: number;
  top: number;
  height: number;
  selected: boolean;
  moving: boolean;
  onPointerDown: (event: PointerEvent<HTMLElement>, mode: "move" | "resize") => void;
  onPointerMove: (event: PointerEvent<HTMLElement>) => void;
  onPointerUp: () => void;
  onClick: () => void;
  onKeyDown: (event: KeyboardEvent) => void;
};

/**
 * One session on the editor's grid: a button that drags, with a lower edge that resizes. Its time
 * and whole title always show: the block is at least as tall as the session is long, and grows
 * (over the free space below, or over the next session while hovered or focused) where the title
 * needs more lines than a short session has at the chosen zoom.
 */
export function SessionBlock({ session: s, start, end, top, height, selected, moving, ...handlers }: Props) {
  const t = useTranslations("agendaEditor");
  const locale = useLocale();
  const title = pick(locale, s.data.titleEn, s.data.titleZh);
  return (
    <button
      type="button"
      aria-current={selected ? "true" : undefined}
      aria-describedby="agenda-grid-help"
      onPointerDown={(e) => handlers.onPointerDown(e, "move")}
      onPointerMove={handlers.onPointerMove}
      onPointerUp={handlers.onPointerUp}
      onClick={(e) => {
        e.stopPropagation();
        handlers.onClick();
      }}
      onKeyDown={handlers.onKeyDown}
      className={`absolute inset-x-0.5 block touch-none cursor-grab rounded border border-l-4 bg-white px-1.5 py-0.5 text-left text-xs leading-tight shadow-sm hover:z-20 focus:z-20 ${
        selected ? "border-brand-700 ring-2 ring-brand-700" : "border-slate-300"
      } ${moving ? "opacity-70" : ""} ${s.data.cancelled ? "bg-slate-100" : ""}`}
      style={{ top, minHeight: height, zIndex: selected ? 10 : undefined }}
    >
      <span className="mr-1 whitespace-nowrap text-slate-600">
        {hhmm(start)}–{hhmm(end % (24 * 60))}
      </span>
      <span className={`break-words font-semibold ${s.data.cancelled ? "line-through" : ""}`}>{title}</span>
      {s.data.cancelled && <span className="block font-semibold text-red-800">{t("cancelledBadge")}</span>}
      {s.status === "draft" ? (
        <span className="block text-amber-800">{t("neverPublished")}</span>
      ) : (
        s.hasDraft && <span className="block text-amber-800">{t("draftBadge")}</span>
      )}
      <span
        aria-hidden="true"
        title={t("resizeHandle", { title })}
        data-resize-handle
        onPointerDown={(e) => handlers.onPointerDown(e, "resize")}
        className="absolute inset-x-0 bottom-0 h-2 cursor-ns-resize bg-slate-300/60"
      />
    </button>
  );
}
