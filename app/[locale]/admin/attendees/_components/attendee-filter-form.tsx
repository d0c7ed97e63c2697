import { getTranslations } from "next-intl/server";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { attendeeCategories } from "@/lib/registration/categories";
import { attendeeStatuses, type AttendeeFilters } from "@/lib/attendees/filters";
import { formatDay } from "@/lib/time";

type Props = { filters: AttendeeFilters; days: string[]; locale: string };

/** A plain GET form: the filters live in the address, so a filtered list can be shared or reloaded. */
export async function AttendeeFilterForm({ filters, days, locale }: Props) {
  const t = await getTranslations("attendeesAdmin");
  const tr = await getTranslations("registration");
  return (
    <form method="get" role="search" aria-label={t("filters")} className="mt-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-5">
      {filters.sort !== "created" && <input type="hidden" name="sort" value={filters.sort} />}
      <input type="hidden" name="dir" value={filters.dir} />
      <div className="sm:col-span-2">
        <TextField id="attendees-q" name="q" type="search" label={t("search")} defaultValue={filters.q} maxLength={100} compact />
      </div>
      <SelectField
        id="attendees-status"
        name="status"
        label={t("status")}
        emptyOption={t("anyStatus")}
        defaultValue={filters.status ?? ""}
        compact
        options={attendeeStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
      />
      <SelectField
        id="attendees-category"
        name="category"
        label={t("category")}
        emptyOption={t("anyCategory")}
        defaultValue={filters.category ?? ""}
        compact
        options={attendeeCategories.map((c) => ({ value: c, label: tr(`categories.${c}`) }))}
      />
      <SelectField
        id="attendees-day"
        name="day"
        label={t("day")}
        emptyOption={t("anyDay")}
        defaultValue={filters.day ?? ""}
        compact
        options={days.map((d) => ({ value: d, label: formatDay(d, locale) }))}
      />
      <div className="sm:col-span-5">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">{t("apply")}</button>
      </div>
    </form>
  );
}
