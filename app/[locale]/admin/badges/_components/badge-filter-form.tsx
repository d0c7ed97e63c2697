import { getTranslations } from "next-intl/server";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { attendeeCategories } from "@/lib/registration/categories";
import { attendeeStatuses } from "@/lib/attendees/filters";
import { badgeLayouts, type BadgeFilters } from "@/lib/badges/filters";
import { formatDay } from "@/lib/time";

const statusKey = (s: (typeof attendeeStatuses)[number]) => (s === "checked-in" ? "checkedIn" : s);

/** A plain GET form: the filters live in the address, and work without JavaScript. */
export async function BadgeFilterForm({
  filters,
  locale,
  days,
}: {
  filters: BadgeFilters;
  locale: string;
  /** The edition's days, from its row. */
  days: readonly string[];
}) {
  const t = await getTranslations("badges");
  const tc = await getTranslations("registration.categories");
  return (
    <form method="get" className="mt-6 grid gap-4 sm:grid-cols-2">
      <SelectField id="badges-layout" name="layout" label={t("layout")} defaultValue={filters.layout} options={badgeLayouts.map((l) => ({ value: l, label: t(`layouts.${l}`) }))} />
      <SelectField
        id="badges-status"
        name="status"
        label={t("status")}
        defaultValue={filters.list.status}
        options={attendeeStatuses.map((s) => ({ value: s, label: t(`statuses.${statusKey(s)}`) }))}
      />
      <SelectField
        id="badges-category"
        name="category"
        label={t("category")}
        emptyOption={t("anyCategory")}
        defaultValue={filters.list.category ?? ""}
        options={attendeeCategories.map((c) => ({ value: c, label: tc(c) }))}
      />
      <SelectField
        id="badges-day"
        name="day"
        label={t("day")}
        emptyOption={t("anyDay")}
        defaultValue={filters.list.day ?? ""}
        options={days.map((d) => ({ value: d, label: formatDay(d, locale, "short") }))}
      />
      <div className="sm:col-span-2">
        <TextField id="badges-q" name="q" type="search" label={t("q")} defaultValue={filters.list.q} />
      </div>
      <div>
        <button type="submit" className="rounded-lg border-2 border-brand-700 px-4 py-2 font-semibold text-brand-700">
          {t("apply")}
        </button>
      </div>
    </form>
  );
}
