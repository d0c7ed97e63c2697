import { getTranslations } from "next-intl/server";
import { attendeeCategories } from "@/lib/registration/categories";
import { attendeeStatuses, type AttendeeFilters } from "@/lib/attendees/filters";
import { formatDay } from "@/lib/time";

type Props = { filters: AttendeeFilters; days: string[]; locale: string };

/** A plain GET form: the filters live in the address, so a filtered list can be shared or reloaded. */
export async function AttendeeFilterForm({ filters, days, locale }: Props) {
  const t = await getTranslations("attendeesAdmin");
  const tr = await getTranslations("registration");
  const field = "mt-1 w-full rounded-md border border-slate-400 bg-white px-2 py-1.5";
  return (
    <form method="get" role="search" aria-label={t("filters")} className="mt-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-5">
      {filters.sort !== "created" && <input type="hidden" name="sort" value={filters.sort} />}
      <input type="hidden" name="dir" value={filters.dir} />
      <div className="sm:col-span-2">
        <label htmlFor="attendees-q" className="block text-sm font-medium">{t("search")}</label>
        <input id="attendees-q" name="q" type="search" defaultValue={filters.q} maxLength={100} className={field} />
      </div>
      <div>
        <label htmlFor="attendees-status" className="block text-sm font-medium">{t("status")}</label>
        <select id="attendees-status" name="status" defaultValue={filters.status ?? ""} className={field}>
          <option value="">{t("anyStatus")}</option>
          {attendeeStatuses.map((s) => (
            <option key={s} value={s}>{t(`statuses.${s}`)}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="attendees-category" className="block text-sm font-medium">{t("category")}</label>
        <select id="attendees-category" name="category" defaultValue={filters.category ?? ""} className={field}>
          <option value="">{t("anyCategory")}</option>
          {attendeeCategories.map((c) => (
            <option key={c} value={c}>{tr(`categories.${c}`)}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="attendees-day" className="block text-sm font-medium">{t("day")}</label>
        <select id="attendees-day" name="day" defaultValue={filters.day ?? ""} className={field}>
          <option value="">{t("anyDay")}</option>
          {days.map((d) => (
            <option key={d} value={d}>{formatDay(d, locale)}</option>
          ))}
        </select>
      </div>
      <div className="sm:col-span-5">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">{t("apply")}</button>
      </div>
    </form>
  );
}
