import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { consoleEdition } from "@/auth/edition";
import { requirePageUser } from "@/auth/guard";
import { announcementProgress, announcementRecipientRows, countRecipients, getAnnouncement, listAnnouncements } from "@/db/queries/announcements";
import type { Announcement, Event } from "@/db/schema";
import { Link } from "@/i18n/navigation";
import { audienceOf } from "@/lib/announcements/audience";
import { renderAnnouncement } from "@/lib/announcements/email";
import { ratePerMinute } from "@/lib/announcements/pace";
import { daysOf } from "@/lib/edition";
import { pick } from "@/lib/localized";
import { attendeeCategories } from "@/lib/registration/categories";
import { formatDay } from "@/lib/time";
import { AnnouncementList } from "./_components/announcement-list";
import { Composer, type ComposerValues } from "./_components/composer";
import { Preview } from "./_components/preview";
import { Recipients } from "./_components/recipients";
import { SendForm } from "./_components/send-form";
import { TestForm } from "./_components/test-form";

type Props = PageProps<"/[locale]/admin/announcements">;
type Option = { value: string; label: string };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "announcements" });
  return { title: t("title"), robots: { index: false } };
}

/**
 * The edition's announcements and a new one; with `?id=`, one announcement: a draft with its
 * previews, its test and its send, or a sent one with the progress of each recipient.
 */
export default async function AnnouncementsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePageUser(locale, "attendees", "/admin/announcements");
  const t = await getTranslations("announcements");
  const tc = await getTranslations("registration.categories");
  const edition = await consoleEdition();
  const { id } = await searchParams;
  const options = {
    days: daysOf(edition).map((d) => ({ value: d, label: formatDay(d, locale) })),
    categories: attendeeCategories.map((c) => ({ value: c, label: tc(c) })),
  };
  const name = pick(locale, edition.nameEn, edition.nameZh);
  const header = (
    <>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("intro", { edition: name })}</p>
      {edition.archivedAt && <p className="mt-2 font-medium text-amber-900">{t("archived")}</p>}
    </>
  );

  if (id !== undefined) {
    // A forged id, another edition's, or a list of ids is not found here.
    const announcement = typeof id === "string" && /^[1-9][0-9]{0,9}$/.test(id) ? getAnnouncement(Number(id), edition.id) : undefined;
    if (!announcement) notFound();
    return (
      <div className="max-w-5xl">
        {header}
        <p className="mt-4">
          <Link href="/admin/announcements" className="font-medium text-brand-700 underline">
            {t("back")}
          </Link>
        </p>
        <AnnouncementDetail locale={locale} edition={edition} announcement={announcement} email={user.email} options={options} />
      </div>
    );
  }

  return (
    <div className="max-w-5xl">
      {header}
      <section aria-labelledby="list-heading" className="mt-6">
        <h2 id="list-heading" className="text-xl font-semibold">
          {t("listHeading")}
        </h2>
        <AnnouncementList locale={locale} rows={listAnnouncements(edition.id)} />
      </section>
      {!edition.archivedAt && (
        <section aria-labelledby="new-heading" className="mt-8">
          <h2 id="new-heading" className="text-xl font-semibold">
            {t("newHeading")}
          </h2>
          <Composer locale={locale} days={options.days} categories={options.categories} />
        </section>
      )}
    </div>
  );
}

async function AnnouncementDetail({
  locale,
  edition,
  announcement: a,
  email,
  options,
}: {
  locale: string;
  edition: Event;
  announcement: Announcement;
  email: string;
  options: { days: Option[]; categories: Option[] };
}) {
  const t = await getTranslations("announcements");
  const text = { subjectEn: a.subjectEn, subjectZh: a.subjectZh, bodyEn: a.bodyEn, bodyZh: a.bodyZh };
  const audience = audienceOf(a.audience);
  const previewEn = renderAnnouncement({ locale: "en", name: t("previewName"), kind: a.kind, text, edition });
  const previewZh = renderAnnouncement({ locale: "zh-CN", name: t("previewNameZh"), kind: a.kind, text, edition });
  const draft = a.status === "draft";
  const count = draft ? countRecipients(edition, a.kind, audience) : 0;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: edition.timeZone });
  const initial: ComposerValues = { ...text, kind: a.kind, audience };
  return (
    <>
      <h2 className="mt-4 text-2xl font-semibold">
        {pick(locale, a.subjectEn, a.subjectZh)} <span className="text-base font-normal text-slate-600">{t("statusAndKind", { status: t(`status.${a.status}`), kind: t(`kindShort.${a.kind}`) })}</span>
      </h2>
      {!draft && a.sentAt && <p className="mt-2">{t("sentAt", { when: when.format(a.sentAt), rate: ratePerMinute() })}</p>}
      <h3 className="mt-6 text-xl font-semibold">{t("previewHeading")}</h3>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <Preview id="preview-en" heading={t("previewEn")} subjectLabel={t("subjectLabel")} lang="en" mail={previewEn} />
        <Preview id="preview-zh" heading={t("previewZh")} subjectLabel={t("subjectLabel")} lang="zh-CN" mail={previewZh} />
      </div>
      {!edition.archivedAt && (
        <div className="mt-6 flex flex-wrap items-start gap-6">
          <TestForm id={a.id} email={email} />
          {draft && <SendForm id={a.id} locale={locale} count={count} />}
        </div>
      )}
      {draft && !edition.archivedAt && (
        <section aria-labelledby="edit-heading" className="mt-8">
          <h2 id="edit-heading" className="text-xl font-semibold">
            {t("editHeading")}
          </h2>
          <Composer id={a.id} locale={locale} initial={initial} days={options.days} categories={options.categories} />
        </section>
      )}
      {!draft && <Recipients progress={announcementProgress(a.id)} rows={announcementRecipientRows(a.id)} />}
    </>
  );
}
