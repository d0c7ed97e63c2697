import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requirePageUser } from "@/auth/guard";
import { getEventSettings } from "@/db/queries/event-settings";
import { instantToLocal } from "@/lib/attendees/settings-input";
import { SettingsForm } from "./_components/settings-form";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/settings">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "settingsAdmin" });
  return { title: t("title"), robots: { index: false } };
}

export default async function SettingsPage({ params }: PageProps<"/[locale]/admin/settings">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePageUser(locale, "attendees", "/admin/settings");
  const t = await getTranslations("settingsAdmin");
  const s = getEventSettings();
  const values = {
    capacity: s.capacity === null ? "" : String(s.capacity),
    opensAt: instantToLocal(s.registrationOpensAt, s.timeZone),
    closesAt: instantToLocal(s.registrationClosesAt, s.timeZone),
    startDate: s.startDate,
    endDate: s.endDate,
  };
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-700" data-testid="seat-summary">
        {t("summary", { capacity: s.effectiveCapacity, confirmed: s.confirmed, waiting: s.waiting })}
      </p>
      <SettingsForm values={values} defaultCapacity={s.capacity === null ? s.effectiveCapacity : null} timeZone={s.timeZone} />
    </div>
  );
}
