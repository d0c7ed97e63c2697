import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { consoleEdition } from "@/auth/edition";
import { requirePageUser } from "@/auth/guard";
import { getEventSettings, getRegistrationModeSettings } from "@/db/queries/event-settings";
import { listInvitations } from "@/db/queries/invitations";
import { instantToLocal } from "@/lib/attendees/settings-input";
import { SettingsForm } from "./_components/settings-form";
import { InvitationForm } from "./_components/invitation-form";
import { InvitationTable } from "./_components/invitation-table";
import { ModeForm } from "./_components/mode-form";

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
  const edition = await consoleEdition();
  const s = getEventSettings(edition.id);
  const m = getRegistrationModeSettings(edition.id);
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
      <section aria-labelledby="registration-mode" className="mt-8">
        <h2 id="registration-mode" className="text-2xl font-bold">{t("modeHeading")}</h2>
        <ModeForm values={{ mode: m.mode, holdMinutes: String(m.holdMinutes) }} chosen={m.modeChosen} />
      </section>
      <section aria-labelledby="invitations" className="mt-8">
        <h2 id="invitations" className="text-2xl font-bold">{t("invitationsHeading")}</h2>
        <p className="mt-2 text-slate-700">{t("invitationsIntro")}</p>
        <InvitationForm />
        <InvitationTable rows={listInvitations(edition.id)} />
      </section>
    </div>
  );
}
