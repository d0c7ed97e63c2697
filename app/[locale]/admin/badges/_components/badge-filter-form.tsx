import { getTranslations } from "next-intl/server";
import { attendeeCategories } from "@/lib/registration/categories";
import { attendeeStatuses } from "@/lib/attendees/filters";
import { badgeLayouts, type BadgeFilters } from "@/lib/badges/filters";
import { formatDay } from "@/lib/time";

const field = "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2";
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
      <label className="font-semibold">
        {t("layout")}
        <select name="layout" defaultValue={filters.layout} className={field}>
          {badgeLayouts.map((l) => (
            <option key={l} value={l}>
              {t(`layouts.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="font-semibold">
        {t("status")}
        <select name="status" defaultValue={filters.list.status} className={field}>
          {attendeeStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${statusKey(s)}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="font-semibold">
        {t("category")}
        <select name="category" defaultValue={filters.list.category ?? ""} className={field}>
          <option value="">{t("anyCategory")}</option>
          {attendeeCategories.map((c) => (
            <option key={c} value={c}>
              {tc(c)}
            </option>
          ))}
        </select>
      </label>
      <label className="font-semibold">
        {t("day")}
        <select name="day" defaultValue={filters.list.day ?? ""} className={field}>
          <option value="">{t("anyDay")}</option>
          {days.map((d) => (
            <option key={d} value={d}>
              {formatDay(d, locale, "short")}
            </option>
          ))}
        </select>
      </label>
      <label className="font-semibold sm:col-span-2">
        {t("q")}
        <input type="search" name="q" defaultValue={filters.list.q} className={field} />
      </label>
      <div>
        <button type="submit" className="rounded-lg border-2 border-brand-700 px-4 py-2 font-semibold text-brand-700">
          {t("apply")}
        </button>
      </div>
    </form>
  );
}
