"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent } from "react";
import { SNAP_MINUTES } from "@/lib/agenda-editor/draft";
import { pick } from "@/lib/localized";
import { minutesOfDay } from "@/lib/time";
import { SessionBlock } from "./session-block";
import type { GridHours } from "@/lib/agenda-editor/grid";
import { hhmm, type EditorRoom, type EditorSession } from "./types";

/** Where a session sits on the day's grid, in minutes of the forum's day. */
export type Spot = { roomId: number; start: number; end: number };
export type Target = { spot: Spot; revision?: number };

type Props = {
  dayLabel: string;
  rooms: EditorRoom[];
  sessions: EditorSession[];
  timeZone: string;
  /** The hours shown, and the height of a 15-minute row (the zoom). */
  hours: GridHours;
  slotPx: number;
  selectedId: number | null;
  /** Where moves were asked to go; `revision` once the server has taken them. */
  pending: ReadonlyMap<number, Target>;
  /** The same, read when a key is pressed, before React has rendered the last press. */
  lastTarget: (id: number) => Target | undefined;
  onSelect: (id: number) => void;
  onCreate: (roomId: number, start: number) => void;
  onMove: (session: EditorSession, spot: Spot) => void;
};

type Drag = { id: number; mode: "move" | "resize"; x0: number; y0: number; from: Spot; spot: Spot };

const same = (a: Spot, b: Spot) => a.roomId === b.roomId && a.start === b.start && a.end === b.end;

/** The day as a grid, a column per room: click a free slot, drag to move, drag the lower edge to resize. */
export function EditorGrid({ dayLabel, rooms, sessions, timeZone, hours, slotPx, selectedId, pending, lastTarget, onSelect, onCreate, onMove }: Props) {
  const { start: gridStart, end: gridEnd } = hours;
  const gridHeight = ((gridEnd - gridStart) / SNAP_MINUTES) * slotPx;
  const top = (minute: number) => ((minute - gridStart) / SNAP_MINUTES) * slotPx;
  const t = useTranslations("agendaEditor");
  const locale = useLocale();
  const columns = useRef(new Map<number, HTMLDivElement>());
  const drag = useRef<Drag | null>(null);
  const dragged = useRef(false);
  const [preview, setPreview] = useState<{ id: number; spot: Spot } | null>(null);

  const saved = (s: EditorSession): Spot => ({
    roomId: s.data.roomId ?? 0,
    start: minutesOfDay(s.data.startsAt, timeZone),
    end: minutesOfDay(s.data.endsAt, timeZone) || 24 * 60,
  });
  /** A move's target until the page's data has the revision the move produced. */
  const placed = (s: EditorSession, target: Target | undefined): Spot =>
    target && (target.revision === undefined || s.revision < target.revision) ? target.spot : saved(s);
  /** Where the session shows: under the pointer, else where it was last asked to go. */
  const spotOf = (s: EditorSession): Spot => (preview?.id === s.id ? preview.spot : placed(s, pending.get(s.id)));

  const roomAt = (x: number, fallback: number) => {
    for (const [roomId, el] of columns.current) {
      const rect = el.getBoundingClientRect();
      if (x >= rect.left && x < rect.right) return roomId;
    }
    return fallback;
  };

  const startDrag = (event: PointerEvent<HTMLElement>, session: EditorSession, mode: Drag["mode"]) => {
    if (event.button !== 0) return;
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    const from = spotOf(session);
    drag.current = { id: session.id, mode, x0: event.clientX, y0: event.clientY, from, spot: from };
    dragged.current = false;
  };

  const moveDrag = (event: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d) return;
    const steps = Math.round((event.clientY - d.y0) / slotPx) * SNAP_MINUTES;
    const length = d.from.end - d.from.start;
    const spot =
      d.mode === "move"
        ? {
            roomId: roomAt(event.clientX, d.from.roomId),
            start: Math.min(Math.max(d.from.start + steps, gridStart), gridEnd - length),
            end: 0,
          }
        : { ...d.from, end: Math.min(Math.max(d.from.end + steps, d.from.start + SNAP_MINUTES), gridEnd) };
    if (d.mode === "move") spot.end = spot.start + length;
    if (same(spot, d.spot)) return;
    d.spot = spot;
    dragged.current = !same(spot, d.from);
    setPreview({ id: d.id, spot });
  };

  const endDrag = (session: EditorSession) => {
    const d = drag.current;
    drag.current = null;
    setPreview(null);
    if (d && !same(d.spot, d.from)) onMove(session, d.spot);
  };

  const onKeyDown = (event: KeyboardEvent, session: EditorSession) => {
    if (!event.altKey || !event.key.startsWith("Arrow")) return;
    event.preventDefault();
    const from = placed(session, lastTarget(session.id));
    const index = rooms.findIndex((r) => r.id === from.roomId);
    const step = event.key === "ArrowUp" ? -SNAP_MINUTES : event.key === "ArrowDown" ? SNAP_MINUTES : 0;
    let spot: Spot;
    if (event.shiftKey) {
      if (!step) return;
      spot = { ...from, end: Math.max(from.end + step, from.start + SNAP_MINUTES) };
    } else if (step) {
      spot = { ...from, start: from.start + step, end: from.end + step };
    } else {
      const next = rooms[index + (event.key === "ArrowLeft" ? -1 : 1)];
      if (!next) return;
      spot = { ...from, roomId: next.id };
    }
    onMove(session, spot);
  };

  const onColumnClick = (event: MouseEvent<HTMLDivElement>, roomId: number) => {
    if (event.target !== event.currentTarget) return;
    const y = event.clientY - event.currentTarget.getBoundingClientRect().top;
    onCreate(roomId, gridStart + Math.floor(y / slotPx) * SNAP_MINUTES);
  };

  const marks: number[] = [];
  for (let m = gridStart; m < gridEnd; m += 60) marks.push(m);

  return (
    <section
      aria-label={t("grid", { day: dayLabel })}
      data-grid-start={gridStart}
      data-grid-end={gridEnd}
      data-slot-px={slotPx}
      className="relative mt-4 overflow-x-auto"
    >
      <div className="grid min-w-[40rem] gap-x-1" style={{ gridTemplateColumns: `3.5rem repeat(${rooms.length}, minmax(8rem, 1fr))` }}>
        <div className="py-2 text-xs font-semibold text-slate-600">{t("time")}</div>
        {rooms.map((room) => (
          <div key={room.id} className="py-2 text-sm font-semibold">
            {pick(locale, room.nameEn, room.nameZh)}
          </div>
        ))}
        <div className="relative" style={{ height: gridHeight }} aria-hidden="true">
          {marks.map((m) => (
            <span key={m} className="absolute right-1 -translate-y-1/2 text-xs text-slate-600" style={{ top: top(m) }}>
              {hhmm(m)}
            </span>
          ))}
        </div>
        {rooms.map((room) => (
          <div
            key={room.id}
            ref={(el) => {
              if (el) columns.current.set(room.id, el);
              else columns.current.delete(room.id);
            }}
            role="group"
            aria-label={pick(locale, room.nameEn, room.nameZh)}
            onClick={(e) => onColumnClick(e, room.id)}
            className="relative cursor-copy rounded border border-slate-200 bg-white"
            style={{
              height: gridHeight,
              backgroundImage: `repeating-linear-gradient(to bottom, transparent 0, transparent ${slotPx * 4 - 1}px, #e2e8f0 ${slotPx * 4 - 1}px, #e2e8f0 ${slotPx * 4}px)`,
            }}
          >
            {sessions.map((s) => {
              const moving = preview?.id === s.id || (pending.has(s.id) && pending.get(s.id)?.revision === undefined);
              const spot = spotOf(s);
              if (spot.roomId !== room.id || spot.end <= gridStart || spot.start >= gridEnd) return null;
              return (
                <SessionBlock
                  key={s.id}
                  session={s}
                  start={spot.start}
                  end={spot.end}
                  top={top(Math.max(spot.start, gridStart))}
                  height={Math.max(((Math.min(spot.end, gridEnd) - Math.max(spot.start, gridStart)) / SNAP_MINUTES) * slotPx, slotPx)}
                  selected={s.id === selectedId}
                  moving={moving}
                  onPointerDown={(e, mode) => startDrag(e, s, mode)}
                  onPointerMove={moveDrag}
                  onPointerUp={() => endDrag(s)}
                  onClick={() => {
                    if (dragged.current) dragged.current = false;
                    else onSelect(s.id);
                  }}
                  onKeyDown={(e) => onKeyDown(e, s)}
                />
              );
            })}
          </div>
        ))}
      </div>
    </section>
  );
}
