"use client";

import { useTranslations } from "next-intl";
import { SelectField } from "@/components/form/select-field";
import { hourChoices, ZOOM_LEVELS, type GridHours } from "@/lib/agenda-editor/grid";
import { hhmm } from "./types";

type Props = {
  hours: GridHours;
  zoom: number;
  onHours: (hours: GridHours) => void;
  onZoom: (zoom: number) => void;
};

/** The hours the grid shows (the edition's by default) and its scale, for long days. */
export function GridControls({ hours, zoom, onHours, onZoom }: Props) {
  const t = useTranslations("agendaEditor.view");
  const choices = hourChoices();
  const button = "rounded-md border border-slate-400 px-2.5 py-1 font-semibold disabled:opacity-50";
  return (
    <div role="group" aria-label={t("label")} className="mt-3 flex flex-wrap items-end gap-3 text-sm">
      <SelectField
        id="grid-from"
        label={t("from")}
        compact
        value={hours.start}
        onChange={(e) => onHours({ start: Number(e.target.value), end: hours.end })}
        options={choices.filter((m) => m < hours.end).map((m) => ({ value: m, label: hhmm(m) }))}
      />
      <SelectField
        id="grid-to"
        label={t("to")}
        compact
        value={hours.end}
        onChange={(e) => onHours({ start: hours.start, end: Number(e.target.value) })}
        options={choices.filter((m) => m > hours.start).map((m) => ({ value: m, label: hhmm(m) }))}
      />
      <div className="flex items-center gap-1">
        <button type="button" className={button} onClick={() => onZoom(zoom - 1)} disabled={zoom <= 0}>
          {t("zoomOut")}
        </button>
        <button type="button" className={button} onClick={() => onZoom(zoom + 1)} disabled={zoom >= ZOOM_LEVELS.length - 1}>
          {t("zoomIn")}
        </button>
        <span aria-live="polite" className="ml-1 text-slate-600">
          {t("scale", { level: zoom + 1, levels: ZOOM_LEVELS.length })}
        </span>
      </div>
    </div>
  );
}
