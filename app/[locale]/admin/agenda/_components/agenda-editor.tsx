"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { Conflict } from "@/lib/agenda-editor/conflicts";
import { pick } from "@/lib/localized";
import { zonedDate } from "@/lib/time";
import { moveSessionAction, type EditState } from "../actions";
import { ZOOM_DEFAULT, ZOOM_LEVELS, type GridHours } from "@/lib/agenda-editor/grid";
import { ConflictList } from "./conflict-list";
import { GridControls } from "./grid-controls";
import { EditorGrid, type Spot, type Target } from "./editor-grid";
import { SessionForm, type NewSessionPreset } from "./session-form";
import { hhmm, type EditorProps, type EditorSession } from "./types";

type Selection = { kind: "edit"; id: number } | { kind: "new"; preset: NewSessionPreset | null; key: number } | null;
type Notice = { tone: "status" | "alert"; text: string; conflicts?: Conflict[]; retry?: () => void } | null;

/** The day's grid and the form beside it; every change goes through the same server checks. */
export function AgendaEditor({ data }: { data: EditorProps }) {
  const t = useTranslations("agendaEditor");
  const locale = useLocale();
  const [day, setDay] = useState(data.days[0]?.date ?? "");
  const [selection, setSelection] = useState<Selection>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [hours, setHours] = useState<GridHours>(data.hours);
  const [zoom, setZoom] = useState(ZOOM_DEFAULT);
  // Where moves were asked to go, shown there until the page's data catches up with them. They go to
  // the server one at a time, each with the revision the one before produced, so quick key presses
  // all count; the ref is the same map, current at once for a key pressed before the next render.
  const lastTargets = useRef(new Map<number, Target>());
  const [targets, setTargets] = useState<ReadonlyMap<number, Target>>(new Map());
  const [epoch, setEpoch] = useState(0);
  const revisions = useRef(new Map<number, number>());
  const queue = useRef(Promise.resolve());
  const latest = useRef(data.sessions);
  const selected = useRef<number | null>(null);

  const sessions = data.sessions.filter((s) => zonedDate(s.data.startsAt, data.timeZone) === day);
  const editing = selection?.kind === "edit" ? data.sessions.find((s) => s.id === selection.id) ?? null : null;
  useEffect(() => {
    latest.current = data.sessions;
    selected.current = editing?.id ?? null;
  });
  const dayLabel = data.days.find((d) => d.date === day)?.label ?? day;
  const title = (s: EditorSession) => pick(locale, s.data.titleEn, s.data.titleZh);

  const move = (session: EditorSession, spot: Spot, acknowledge = false) => {
    lastTargets.current.set(session.id, { spot });
    setTargets(new Map(lastTargets.current));
    queue.current = queue.current.then(async () => {
      const current = latest.current.find((s) => s.id === session.id);
      const revision = Math.max(current?.revision ?? 0, revisions.current.get(session.id) ?? 0);
      const state = await moveSessionAction({
        sessionId: session.id,
        revision,
        roomId: spot.roomId,
        day,
        start: hhmm(spot.start),
        end: hhmm(spot.end),
        acknowledge,
      });
      if (state.ok && state.revision !== undefined) {
        revisions.current.set(session.id, state.revision);
        // A form open on this session starts again from the moved state; others keep what is typed.
        if (selected.current === session.id) setEpoch((n) => n + 1);
        setNotice({ tone: "status", text: t("moved", { title: title(session), time: `${hhmm(spot.start)}–${hhmm(spot.end)}` }) });
      } else {
        const refusal = state.refusal ?? "blocked";
        setNotice({
          tone: "alert",
          text: state.errors ? t("errors.invalid") : t(`refusals.${refusal}`),
          conflicts: state.conflicts,
          retry: refusal === "needs-acknowledgement" ? () => move(session, spot, true) : undefined,
        });
      }
      // A later move of the same session keeps its own target.
      if (lastTargets.current.get(session.id)?.spot === spot) {
        if (state.ok) lastTargets.current.set(session.id, { spot, revision: state.revision });
        else lastTargets.current.delete(session.id);
      }
      setTargets(new Map(lastTargets.current));
    });
  };

  const onSaved = (state: EditState, titles: { en: string; zh: string }) => {
    setNotice({ tone: "status", text: t("saved", { title: pick(locale, titles.en, titles.zh) }) });
    if (state.sessionId) setSelection({ kind: "edit", id: state.sessionId });
  };

  return (
    <div className="mt-6">
      <div role="group" aria-label={t("days")} className="flex flex-wrap gap-2">
        {data.days.map((d) => (
          <button
            key={d.date}
            type="button"
            aria-pressed={d.date === day}
            onClick={() => setDay(d.date)}
            className="rounded-md border border-slate-400 px-3 py-1.5 font-semibold aria-pressed:border-brand-700 aria-pressed:bg-brand-700 aria-pressed:text-white"
          >
            {d.label}
          </button>
        ))}
        <button
          type="button"
          onClick={() => setSelection({ kind: "new", preset: null, key: Date.now() })}
          className="ml-auto rounded-md bg-brand-700 px-3 py-1.5 font-semibold text-white"
        >
          {t("newSession")}
        </button>
      </div>
      <p id="agenda-grid-help" className="mt-3 text-sm text-slate-700">
        {t("gridHelp")} {t("forumTime", { offset: data.offset, zone: data.timeZone })}
      </p>
      <GridControls hours={hours} zoom={zoom} onHours={setHours} onZoom={(z) => setZoom(Math.min(Math.max(z, 0), ZOOM_LEVELS.length - 1))} />
      <div role="status" className="mt-2">
        {notice?.tone === "status" && <p className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900">{notice.text}</p>}
      </div>
      <div role="alert">
        {notice?.tone === "alert" && (
          <div className="mt-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900">
            <p className="font-medium">{notice.text}</p>
            {notice.conflicts && <ConflictList conflicts={notice.conflicts} speakers={data.speakers} days={data.days} />}
            {notice.retry && (
              <button type="button" onClick={notice.retry} className="mt-2 rounded border border-red-800 px-2 py-1 font-semibold">
                {t("moveAnyway")}
              </button>
            )}
          </div>
        )}
      </div>
      <EditorGrid
        dayLabel={dayLabel}
        rooms={data.rooms}
        sessions={sessions}
        timeZone={data.timeZone}
        hours={hours}
        slotPx={ZOOM_LEVELS[zoom]!}
        selectedId={editing?.id ?? null}
        pending={targets}
        lastTarget={(id) => lastTargets.current.get(id)}
        onSelect={(id) => setSelection({ kind: "edit", id })}
        onCreate={(roomId, start) => setSelection({ kind: "new", preset: { roomId, day, start }, key: Date.now() })}
        onMove={move}
      />
      {selection && (selection.kind === "new" || editing) && (
        <SessionForm
          key={editing ? `edit:${editing.id}:${epoch}` : `new:${selection.kind === "new" ? selection.key : 0}`}
          data={data}
          session={editing}
          preset={selection.kind === "new" ? selection.preset : null}
          onSaved={onSaved}
          onDeleted={() => {
            setSelection(null);
            setNotice({ tone: "status", text: t("deleted") });
          }}
          onClose={() => setSelection(null)}
        />
      )}
    </div>
  );
}
