"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { AgendaQuery } from "@/lib/agenda";
import { pick } from "@/lib/localized";
import { FilterSelect } from "@/components/ui/filter-select";
import type { AgendaData } from "./types";

type Props = {
  data: AgendaData;
  query: AgendaQuery;
  filtering: boolean;
  onChange: (change: Partial<AgendaQuery>) => void;
};

export function AgendaFilters({ data, query, filtering, onChange }: Props) {
  const t = useTranslations("agenda");
  const types = useTranslations("types");
  const locale = useLocale();
  // The box keeps what is typed; the address follows it.
  const [text, setText] = useState(query.q);

  return (
    <form
      role="search"
      aria-label={t("filters")}
      onSubmit={(e) => e.preventDefault()}
      className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end"
    >
      <div>
        <label htmlFor="agenda-q" className="block text-sm font-medium text-slate-800">
          {t("search")}
        </label>
        <input
          id="agenda-q"
          type="search"
          value={text}
          maxLength={200}
          placeholder={t("searchPlaceholder")}
          onChange={(e) => {
            setText(e.target.value);
            onChange({ q: e.target.value });
          }}
          className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
        />
      </div>
      <FilterSelect
        id="agenda-track"
        label={t("track")}
        allLabel={t("all")}
        value={query.track}
        options={data.tracks.map((x) => ({ value: x.slug, label: pick(locale, x.nameEn, x.nameZh) }))}
        onChange={(track) => onChange({ track })}
      />
      <FilterSelect
        id="agenda-type"
        label={t("type")}
        allLabel={t("all")}
        value={query.type}
        options={data.types.map((x) => ({ value: x, label: types(x as never) }))}
        onChange={(type) => onChange({ type })}
      />
      <FilterSelect
        id="agenda-room"
        label={t("room")}
        allLabel={t("all")}
        value={query.room}
        options={data.rooms.map((x) => ({ value: x.slug, label: pick(locale, x.nameEn, x.nameZh) }))}
        onChange={(room) => onChange({ room })}
      />
      <button
        type="button"
        disabled={!filtering}
        onClick={() => {
          setText("");
          onChange({ q: "", track: null, type: null, room: null });
        }}
        className="rounded-md border border-slate-400 px-3 py-2 text-sm font-medium enabled:hover:bg-slate-100 disabled:opacity-50"
      >
        {t("clear")}
      </button>
    </form>
  );
}
