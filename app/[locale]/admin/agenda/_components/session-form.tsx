"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { CheckField } from "@/components/form/check-field";
import { sessionTypes } from "@/lib/sessions/kinds";
import { ABSTRACT_MAX, TITLE_MAX } from "@/lib/agenda-editor/draft";
import type { Conflict } from "@/lib/agenda-editor/conflicts";
import { pick } from "@/lib/localized";
import { minutesOfDay, zonedDate } from "@/lib/time";
import { checkSessionAction, saveSessionAction, type EditState } from "../actions";
import { ConflictList } from "./conflict-list";
import { DeleteSessionForm } from "./delete-session-form";
import { Field } from "./field";
import { SpeakersField, type SpeakerRow } from "./speakers-field";
import { hhmm, type EditorProps, type EditorSession } from "./types";

export type NewSessionPreset = { roomId: number; day: string; start: number };

type Props = {
  data: EditorProps;
  session: EditorSession | null;
  preset: NewSessionPreset | null;
  onSaved: (state: EditState, titles: { en: string; zh: string }) => void;
  onDeleted: () => void;
  onClose: () => void;
};

function initialValues(data: EditorProps, session: EditorSession | null, preset: NewSessionPreset | null) {
  if (session) {
    const d = session.data;
    return {
      type: d.type as string,
      titleEn: d.titleEn,
      titleZh: d.titleZh,
      abstractEn: d.abstractEn,
      abstractZh: d.abstractZh,
      trackId: d.trackId ? String(d.trackId) : "",
      roomId: d.roomId ? String(d.roomId) : "",
      day: zonedDate(d.startsAt, data.timeZone),
      start: hhmm(minutesOfDay(d.startsAt, data.timeZone)),
      end: hhmm(minutesOfDay(d.endsAt, data.timeZone)),
      seatLimit: d.seatLimit ? String(d.seatLimit) : "",
      cancelled: d.cancelled,
      speakers: d.speakers.map((s): SpeakerRow => ({ speakerId: String(s.speakerId), role: s.role })),
    };
  }
  const start = preset?.start ?? 9 * 60;
  return {
    type: "talk",
    titleEn: "",
    titleZh: "",
    abstractEn: "",
    abstractZh: "",
    trackId: "",
    roomId: String(preset?.roomId ?? data.rooms[0]?.id ?? ""),
    day: preset?.day ?? data.days[0]?.date ?? "",
    start: hhmm(start),
    end: hhmm(Math.min(start + 60, 23 * 60 + 59)),
    seatLimit: "",
    cancelled: false,
    speakers: [] as SpeakerRow[],
  };
}

/** The full form: every field of a session, the form alternative to every drag. */
export function SessionForm({ data, session, preset, onSaved, onDeleted, onClose }: Props) {
  const t = useTranslations("agendaEditor");
  const types = useTranslations("types");
  const locale = useLocale();
  const [values, setValues] = useState(() => initialValues(data, session, preset));
  // The revision this form started from moves on only with its own saves: a change made elsewhere
  // meanwhile makes the next save stale instead of overwriting it.
  const [state, action, saving] = useActionState<EditState, FormData>(
    async (previous, form) => {
      const next = await saveSessionAction(previous, form);
      if (next.ok) onSaved(next, { en: String(form.get("titleEn") ?? ""), zh: String(form.get("titleZh") ?? "") });
      return { ...next, revision: next.ok ? next.revision : previous.revision };
    },
    { revision: session?.revision },
  );
  const [, startTransition] = useTransition();
  const [live, setLive] = useState<Conflict[] | null>(null);
  const asked = useRef(0);
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));

  // The live check: what the server would say about this state, asked a moment after the last change.
  // Titles and abstracts cannot clash, so typing them asks nothing.
  const { roomId, day, start, end, seatLimit, speakers, cancelled } = values;
  const probe = JSON.stringify({ roomId, day, start, end, seatLimit, speakers, cancelled, sessionId: session?.id ?? 0 });
  useEffect(() => {
    const ask = ++asked.current;
    const timer = setTimeout(async () => {
      const result = await checkSessionAction(JSON.parse(probe));
      if (ask === asked.current) setLive(result.conflicts ?? null);
    }, 300);
    return () => clearTimeout(timer);
  }, [probe]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => action(form));
  };

  // The live answer follows every change; the save's own answer stands in until there is one.
  const conflicts = live ?? (state.ok ? null : (state.conflicts ?? null));
  const hasWarnings = (conflicts ?? []).some((c) => !c.blocking);
  const e = state.errors ?? {};
  const error = (field: string) => (e[field] ? t(`errors.${e[field]}`) : undefined);
  const title = session ? pick(locale, session.data.titleEn, session.data.titleZh) : "";

  return (
    <section aria-labelledby="session-form-title" className="mt-6 rounded-lg border border-slate-300 bg-white p-4">
      <div className="flex items-start justify-between gap-4">
        <h2 id="session-form-title" className="text-xl font-semibold">
          {session ? t("editSession", { title }) : t("createTitle")}
        </h2>
        <button type="button" onClick={onClose} className="rounded border border-slate-400 px-2 py-1 text-sm">
          {t("close")}
        </button>
      </div>
      <form onSubmit={onSubmit} noValidate className="mt-3 grid gap-4 sm:grid-cols-2">
        {session && <input type="hidden" name="sessionId" value={session.id} />}
        {session && <input type="hidden" name="revision" value={state.revision ?? session.revision} />}
        {state.refusal && (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 font-medium text-red-900 sm:col-span-2">
            {t(`refusals.${state.refusal}`)}
          </p>
        )}
        <Field label={t("fields.titleEn")} name="titleEn" value={values.titleEn} onChange={(v) => set("titleEn", v)} error={error("titleEn")} maxLength={TITLE_MAX + 50} />
        <Field label={t("fields.titleZh")} name="titleZh" value={values.titleZh} onChange={(v) => set("titleZh", v)} error={error("titleZh")} maxLength={TITLE_MAX + 50} />
        <Field label={t("fields.abstractEn")} name="abstractEn" value={values.abstractEn} onChange={(v) => set("abstractEn", v)} error={error("abstractEn")} maxLength={ABSTRACT_MAX + 50} multiline />
        <Field label={t("fields.abstractZh")} name="abstractZh" value={values.abstractZh} onChange={(v) => set("abstractZh", v)} error={error("abstractZh")} maxLength={ABSTRACT_MAX + 50} multiline />
        <Field label={t("fields.type")} name="type" value={values.type} onChange={(v) => set("type", v)} error={error("type")} options={sessionTypes.map((k) => ({ value: k, label: types(k) }))} />
        <Field
          label={t("fields.track")}
          name="trackId"
          value={values.trackId}
          onChange={(v) => set("trackId", v)}
          error={error("trackId")}
          options={[{ value: "", label: t("fields.noTrack") }, ...data.tracks.map((k) => ({ value: String(k.id), label: pick(locale, k.nameEn, k.nameZh) }))]}
        />
        <Field label={t("fields.room")} name="roomId" value={values.roomId} onChange={(v) => set("roomId", v)} error={error("roomId")} options={data.rooms.map((r) => ({ value: String(r.id), label: pick(locale, r.nameEn, r.nameZh) }))} />
        <Field label={t("fields.day")} name="day" value={values.day} onChange={(v) => set("day", v)} error={error("day")} options={data.days.map((d) => ({ value: d.date, label: d.label }))} />
        <Field label={t("fields.start")} name="start" type="time" value={values.start} onChange={(v) => set("start", v)} error={error("start")} hint={data.offset} />
        <Field label={t("fields.end")} name="end" type="time" value={values.end} onChange={(v) => set("end", v)} error={error("end")} hint={data.offset} />
        <Field label={t("fields.seatLimit")} name="seatLimit" type="number" value={values.seatLimit} onChange={(v) => set("seatLimit", v)} error={error("seatLimit")} hint={t("fields.seatLimitHelp")} />
        <SpeakersField value={values.speakers} onChange={(v) => set("speakers", v)} people={data.speakers} error={error("speakers")} />
        {session && session.status !== "draft" && (
          <div className="sm:col-span-2">
            <CheckField id="session-cancelled" name="cancelled" label={t("fields.cancelled")} checked={values.cancelled} onChange={(ev) => set("cancelled", ev.target.checked)} />
          </div>
        )}
        <div className="sm:col-span-2" aria-live="polite">
          <h3 className="font-semibold">{t("conflictsTitle")}</h3>
          {conflicts && conflicts.length > 0 ? (
            <ConflictList conflicts={conflicts} speakers={data.speakers} days={data.days} />
          ) : (
            conflicts && <p className="text-slate-700">{t("noConflicts")}</p>
          )}
        </div>
        {hasWarnings && (
          <div className="font-medium sm:col-span-2">
            <CheckField id="session-acknowledge" name="acknowledge" label={t("fields.acknowledge")} />
          </div>
        )}
        <div className="sm:col-span-2">
          <button type="submit" disabled={saving} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
            {saving ? t("saving") : t("save")}
          </button>
        </div>
      </form>
      {session && session.status === "draft" && <DeleteSessionForm session={session} onDeleted={onDeleted} />}
    </section>
  );
}
