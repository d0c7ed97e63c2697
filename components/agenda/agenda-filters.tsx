"use client";

import { useLocale, useTranslations } from "next-intl";
import type { AgendaQuery } from "@/lib/agenda";
import { pick } from "@/lib/localized";
import { ClearButton, FilterBar, SearchField } from "@/components/ui/filter-bar";
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

  return (
    <FilterBar label={t("filters")} columns="lg:grid-cols-[2fr_1fr_1fr_1fr_auto]">
      <SearchField
        id="agenda-q"
        label={t("search")}
        placeholder={t("searchPlaceholder")}
        value={query.q}
        onChange={(q) => onChange({ q })}
      />
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
        options={data.types.map((x) => ({ value: x, label: types(x) }))}
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
      <ClearButton
        disabled={!filtering}
        onClick={() => {
          onChange({ q: "", track: null, type: null, room: null });
        }}
      >
        {t("clear")}
      </ClearButton>
    </FilterBar>
  );
}
