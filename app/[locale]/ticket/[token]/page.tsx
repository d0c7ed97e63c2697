import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import QRCode from "qrcode";
import { scheduleDelivery } from "@/lib/email/outbox-worker";
import { findRegistrationByManageToken, startHoldExpiry, waitingPosition } from "@/db/queries/registrations";
import { secret } from "@/db/secrets";
import { isManageToken } from "@/lib/registration/codes";
import { ticketToken } from "@/lib/registration/ticket";
import { bookingsOf, listBookableSessions, waitingCounts } from "@/db/queries/bookings";
import { editionById } from "@/db/queries/event";
import { currentCalendarToken, starrableSlugs } from "@/db/queries/stars";
import type { Registration } from "@/db/schema";
import { calendarFeedUrl } from "@/lib/personal-agenda/feed-url";
import { daysOf, editionValues } from "@/lib/edition";
import { formatDay as day, formatTimeRange, offsetLabel, zonedDate } from "@/lib/time";
import { CalendarFeed } from "./_components/calendar-feed";
import { ChangeNotices } from "./_components/change-notices";
import { KeepOffline } from "./_components/keep-offline";
import { ManagePanel } from "./_components/manage-panel";
import { ReplaceLink } from "./_components/replace-link";
import { PendingPanel } from "./_components/pending-panel";
import { SessionBookings, type BookableSession } from "./_components/session-bookings";
import { StarsCarryOver } from "./_components/stars-carry-over";
import { FeedbackPanel } from "./_components/feedback-panel";
import { CertificatePanel } from "./_components/certificate-panel";
import { rateableSessions } from "@/db/queries/feedback";
import { daysCheckedIn } from "@/db/queries/certificates";
import { feedbackClosesAt } from "@/lib/feedback/rules";

type Props = PageProps<"/[locale]/ticket/[token]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "ticket" });
  // A private page: never indexed, and its address never sent onwards as a referrer.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

export default async function TicketPage({ params, searchParams }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  startHoldExpiry(scheduleDelivery);
  const reg = isManageToken(token) ? findRegistrationByManageToken(token) : undefined;
  if (!reg || reg.erasedAt) notFound();
  const t = await getTranslations("ticket");
  const query = await searchParams;
  const isNew = query.new === "1";
  const isReplaced = query.replaced === "1";
  const position = waitingPosition(reg);
  const qr =
    reg.status === "confirmed"
      ? await QRCode.toString(ticketToken(reg.code, secret("TICKET_SECRET")), { type: "svg", errorCorrectionLevel: "M", margin: 2 })
      : null;
  // The registration's own edition: its days, zone and sessions, whichever edition is current now.
  const event = editionById(reg.eventId);
  if (!event) notFound();
  const { timeZone } = event;
  const days = daysOf(event).map((date) => ({ date, label: day(date, locale) }));
  const bookable = reg.status === "confirmed" ? bookableFor(reg, locale, timeZone) : null;
  const until =
    reg.status === "pending" && reg.pendingUntil
      ? new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: "short" }).format(reg.pendingUntil)
      : null;
  const rateable = rateableSessions(reg);
  const checkedIn = daysCheckedIn(reg.id);
  const lapsed = reg.status === "cancelled" && reg.pendingFor === "email" && !reg.confirmedAt && !reg.waitlistedAt;

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("edition", editionValues(event, locale))}</p>
      {isNew && (
        <div role="status" className="rounded-xl border border-green-300 bg-green-50 p-4 text-green-900">
          <p className="font-semibold">{t("welcome")}</p>
          <p className="mt-1">{t("saveLink", { email: reg.email })}</p>
        </div>
      )}
      {isReplaced && (
        <p role="status" className="rounded-xl border border-green-300 bg-green-50 p-4 text-green-900">
          {t("replaced", { email: reg.email })}
        </p>
      )}
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-xl border border-slate-200 bg-white p-5">
        <dt className="font-semibold text-slate-700">{t("code")}</dt>
        <dd className="font-mono text-lg">{reg.code}</dd>
        <dt className="font-semibold text-slate-700">{t("status")}</dt>
        <dd>
          <strong>{t(`statuses.${reg.status}`)}</strong>
          {position && <span> · {t("position", { position })}</span>}
        </dd>
      </dl>
      {reg.status === "waiting" && <p className="text-slate-700">{t("waitingExplained")}</p>}
      {reg.status === "pending" && reg.pendingFor && <PendingPanel token={token} awaiting={reg.pendingFor} until={until} />}
      {lapsed && <p className="rounded-md bg-slate-100 px-4 py-3 text-slate-800">{t("lapsed")}</p>}
      {qr && (
        <section className="rounded-xl border border-slate-200 bg-white p-5 text-center">
          <h2 className="text-xl font-bold">{t("ticketHeading")}</h2>
          <div
            role="img"
            aria-label={t("qrLabel", { code: reg.code })}
            className="mx-auto mt-3 w-64 max-w-full [&>svg]:h-auto [&>svg]:w-full"
            dangerouslySetInnerHTML={{ __html: qr }}
          />
          <p className="mt-2 font-mono text-lg">{reg.code}</p>
          <p className="mt-1 text-sm text-slate-700">{t("ticketHelp")}</p>
        </section>
      )}
      {checkedIn.length > 0 && <CertificatePanel token={token} locale={locale} days={checkedIn} />}
      {rateable.length > 0 && (
        <FeedbackPanel
          token={token}
          sessions={rateable}
          locale={locale}
          timeZone={timeZone}
          closes={new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone }).format(feedbackClosesAt(event))}
        />
      )}
      <KeepOffline />
      {bookable && <SessionBookings token={token} sessions={bookable} />}
      {(reg.status === "waiting" || reg.status === "pending") && <p className="text-sm text-slate-700">{(await getTranslations("bookings"))("onlyConfirmed")}</p>}
      <StarsCarryOver token={token} known={starrableSlugs(reg.eventId)} />
      {reg.status !== "cancelled" && (
        <CalendarFeed token={token} url={calendarUrl(reg)} />
      )}
      {reg.status !== "cancelled" && <ChangeNotices token={token} off={reg.changeNoticesOffAt !== null} />}
      <ReplaceLink token={token} locale={locale} email={reg.email} />
      <ManagePanel
        token={token}
        days={days}
        cancelled={reg.status === "cancelled"}
        values={{
          fullName: reg.fullName,
          email: reg.email,
          organisation: reg.organisation,
          jobTitle: reg.jobTitle,
          phone: reg.phone ?? "",
          category: reg.category,
          days: reg.days,
          dietary: reg.dietary,
          accessibility: reg.accessibility,
          newsConsent: reg.consentNews,
        }}
      />
    </div>
  );
}

function bookableFor(reg: Registration, locale: string, timeZone: string): BookableSession[] {
  const mine = new Map(bookingsOf(reg.id).map((b) => [b.sessionId, b]));
  const waiting = waitingCounts();
  return listBookableSessions(reg.eventId).map((s) => {
    const booking = mine.get(s.id);
    return {
      id: s.id,
      title: { en: s.titleEn, zh: s.titleZh },
      when: `${day(zonedDate(s.startsAt, timeZone), locale, "short")} ${formatTimeRange(s.startsAt, s.endsAt, locale, timeZone)} (${offsetLabel(s.startsAt, timeZone)})`,
      seatLimit: s.seatLimit ?? 0,
      booked: s.booked,
      waiting: waiting.get(s.id) ?? 0,
      mine: booking && (booking.status === "booked" || booking.status === "waiting") ? { status: booking.status, position: booking.position } : null,
    };
  });
}

function calendarUrl(reg: Registration): string | null {
  const token = currentCalendarToken(reg);
  return token ? calendarFeedUrl(token) : null;
}
