import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requirePageUser } from "@/auth/guard";
import { consoleEdition } from "@/auth/edition";
import { availability } from "@/db/queries/registrations";
import { Link } from "@/i18n/navigation";
import { daysBetween, formatDay } from "@/lib/time";
import { addAttendeeAction } from "../actions";
import { AttendeeForm } from "../_components/attendee-form";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/attendees/new">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "attendeesAdmin" });
  return { title: t("addTitle"), robots: { index: false } };
}

export default async function NewAttendeePage({ params }: PageProps<"/[locale]/admin/attendees/new">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePageUser(locale, "attendees", "/admin/attendees/new");
  const t = await getTranslations("attendeesAdmin");
  const event = await consoleEdition();
  const days = daysBetween(event.startDate, event.endDate).map((date) => ({ date, label: formatDay(date, locale) }));
  const seats = availability(event.id);
  return (
    <div>
      <Link href="/admin/attendees" className="font-medium text-brand-700 underline">{t("back")}</Link>
      <h1 className="mt-2 text-3xl font-bold">{t("addTitle")}</h1>
      <p className="mt-2 text-slate-700">{t("addIntro")}</p>
      <p className="mt-2 text-slate-700">{t("seats", { confirmed: seats.confirmed, capacity: seats.capacity })}</p>
      <AttendeeForm action={addAttendeeAction.bind(null, locale)} days={days} canOverride={user.role === "admin"} submitLabel={t("addSubmit")} />
    </div>
  );
}
