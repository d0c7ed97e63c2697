import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { connection } from "next/server";
import { scheduleDelivery } from "@/lib/email/outbox-worker";
import { availability, registrationSettings, registrationWindow, startHoldExpiry } from "@/db/queries/registrations";
import { pageMetadata } from "@/i18n/metadata";
import { getEvent } from "@/db/queries/event";
import { daysOf, editionValues } from "@/lib/edition";
import { formatDay } from "@/lib/time";
import { RegisterForm } from "./_components/register-form";

export async function generateMetadata({ params }: PageProps<"/[locale]/register">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "registration" });
  return pageMetadata({ locale, path: "/register", title: t("title"), description: t("description", editionValues(getEvent(), locale)) });
}

export default async function RegisterPage({ params }: PageProps<"/[locale]/register">) {
  const { locale } = await params;
  setRequestLocale(locale);
  // The seats left change with every registration: this page is rendered for each request.
  await connection();
  const t = await getTranslations("registration");
  startHoldExpiry(scheduleDelivery);
  // The current edition: the only one that takes registrations.
  const event = getEvent();
  const seats = availability(event.id);
  const openness = registrationWindow(new Date(), event.id);
  const days = daysOf(event).map((date) => ({ date, label: formatDay(date, locale) }));
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("intro")}</p>
      {openness.state !== "open" ? (
        <p role="status" className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
          {openness.state === "notYetOpen" && openness.opensAt
            ? t("notYetOpen", {
                opensAt: new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: event.timeZone, timeZoneName: "short" }).format(openness.opensAt),
              })
            : t("closed")}
        </p>
      ) : seats.full ? (
        <p role="status" className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
          {t("full")}
        </p>
      ) : (
        <p className="mt-2 text-slate-700">
          {t("seatsLeft", { count: Math.max(0, seats.capacity - seats.confirmed - seats.held), capacity: seats.capacity })}
        </p>
      )}
      {openness.state === "open" && <RegisterForm locale={locale} editionId={event.id} days={days} full={seats.full} holdMinutes={registrationSettings(event.id).holdMinutes} />}
    </div>
  );
}
