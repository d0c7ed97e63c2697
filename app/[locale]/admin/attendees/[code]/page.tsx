import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requirePageUser } from "@/auth/guard";
import { findAttendee } from "@/db/queries/attendees";
import { auditFor } from "@/db/queries/audit";
import { consoleEdition } from "@/auth/edition";
import { listEmailsFor } from "@/db/queries/outbox";
import { Link } from "@/i18n/navigation";
import { daysBetween, formatDay } from "@/lib/time";
import { cancelAttendeeAction, decideAttendeeAction, promoteAttendeeAction, resendAction, updateAttendeeAction } from "../actions";
import { AttendeeForm } from "../_components/attendee-form";
import { AttendeeHistory } from "../_components/attendee-history";
import { CommandForm } from "../_components/command-form";
import { PromoteFields } from "../_components/promote-fields";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/attendees/[code]">): Promise<Metadata> {
  const { locale, code } = await params;
  const t = await getTranslations({ locale, namespace: "attendeesAdmin" });
  return { title: t("detailTitle", { code }), robots: { index: false } };
}

export default async function AttendeePage({ params, searchParams }: PageProps<"/[locale]/admin/attendees/[code]">) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const user = await requirePageUser(locale, "attendees", `/admin/attendees/${code}`);
  // Only a registration of the console's edition: another edition's code is not found here.
  const event = await consoleEdition();
  const found = findAttendee(code, event.id);
  if (!found) notFound();
  const { registration: reg, position, checkIns } = found;
  const t = await getTranslations("attendeesAdmin");
  const added = (await searchParams).added === "1";
  const days = daysBetween(event.startDate, event.endDate).map((date) => ({ date, label: formatDay(date, locale) }));
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: event.timeZone });
  const initial = {
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
    consent: true,
    altName: reg.altName ?? "",
    locale: reg.locale,
    override: false,
  };
  return (
    <div className="space-y-6">
      <Link href="/admin/attendees" className="font-medium text-brand-700 underline">{t("back")}</Link>
      <h1 className="text-3xl font-bold">
        {reg.fullName || t("erased")} <span className="font-mono text-xl text-slate-600">{reg.code}</span>
      </h1>
      {added && <p role="status" className="rounded-md bg-brand-50 px-3 py-2 font-medium text-brand-900">{t("added")}</p>}
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t("status")}</dt>
        <dd data-testid="attendee-status">
          {t(`statuses.${reg.status}`)}
          {position !== null && ` · ${t("position", { position })}`}
          {reg.capacityOverride && ` · ${t("override")}`}
          {reg.status === "pending" && (
            <span className="block text-sm text-slate-700">
              {reg.pendingFor === "approval"
                ? t("pendingFor.approval")
                : reg.holdsSeat && reg.pendingUntil
                  ? t("pendingFor.email", { until: when.format(reg.pendingUntil) })
                  : t("pendingFor.emailNoSeat")}
            </span>
          )}
        </dd>
        <dt className="font-medium">{t("checkIns")}</dt>
        <dd>
          {checkIns.length === 0
            ? t("notCheckedIn")
            : checkIns.map((c) => `${formatDay(c.day, locale, "short")} (${when.format(c.checkedInAt)})`).join(", ")}
        </dd>
        <dt className="font-medium">{t("registeredAt")}</dt>
        <dd>{when.format(reg.createdAt)}</dd>
      </dl>
      <section aria-labelledby="commands" className="grid gap-4 md:grid-cols-3">
        <h2 id="commands" className="sr-only">{t("commands")}</h2>
        {reg.status === "pending" && reg.pendingFor === "approval" && (
          <>
            <CommandForm action={decideAttendeeAction} id={reg.id} label={t("approve")} done={t("approvedDone")}>
              <input type="hidden" name="decision" value="approve" />
            </CommandForm>
            <CommandForm action={decideAttendeeAction} id={reg.id} label={t("decline")} done={t("declinedDone")} danger>
              <input type="hidden" name="decision" value="decline" />
            </CommandForm>
          </>
        )}
        {reg.status === "waiting" && (
          <CommandForm action={promoteAttendeeAction} id={reg.id} label={t("promote")} done={t("promoted")}>
            <PromoteFields canOverride={user.role === "admin"} />
          </CommandForm>
        )}
        {reg.status !== "cancelled" && (
          <>
            <CommandForm action={resendAction} id={reg.id} label={t("resend")} done={t("resent")} />
            <CommandForm action={cancelAttendeeAction} id={reg.id} label={t("cancel")} done={t("cancelled")} danger />
          </>
        )}
      </section>
      {reg.status !== "cancelled" && (
        <section aria-labelledby="edit">
          <h2 id="edit" className="text-xl font-semibold">{t("edit")}</h2>
          <AttendeeForm action={updateAttendeeAction.bind(null, reg.id)} days={days} initial={initial} submitLabel={t("save")} />
        </section>
      )}
      <AttendeeHistory emails={listEmailsFor(reg.id)} audit={auditFor("registration", reg.id)} locale={locale} timeZone={event.timeZone} />
    </div>
  );
}
