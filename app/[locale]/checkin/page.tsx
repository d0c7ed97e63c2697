import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requirePageUser } from "@/auth/guard";
import { consoleEdition } from "@/auth/edition";
import { defaultDay } from "@/lib/checkin/rules";
import { daysOf } from "@/lib/edition";
import { formatDay, zonedDate } from "@/lib/time";
import { CheckinDesk } from "./_components/checkin-desk";
import { CheckinHeader } from "./_components/checkin-header";

export async function generateMetadata({ params }: PageProps<"/[locale]/checkin">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "checkin" });
  return { title: t("metaTitle"), robots: { index: false } };
}

/** The door: outside the console's layout, built for a phone held in one hand. */
export default async function CheckinPage({ params }: PageProps<"/[locale]/checkin">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePageUser(locale, "checkin");
  // The console's edition: its days, its zone, and (through the routes) only its people.
  const event = await consoleEdition();
  const today = zonedDate(new Date(), event.timeZone);
  const forumDays = daysOf(event);
  const days = forumDays.map((date) => ({ date, label: formatDay(date, locale, "short") }));
  return (
    <div className="mx-auto max-w-md">
      <CheckinHeader user={user} locale={locale} />
      <CheckinDesk days={days} initialDay={defaultDay(forumDays, today)} timeZone={event.timeZone} />
    </div>
  );
}
