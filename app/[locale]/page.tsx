import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Citation } from "@/components/citation";
import { EditionArchive } from "@/components/edition-pages/edition-archive";
import { listKeyFigures, getEvent } from "@/db/queries/event";
import { listQuotes } from "@/db/queries/quotes";
import { listPublicSessions } from "@/db/queries/sessions";
import { pageMetadata } from "@/i18n/metadata";
import { Link } from "@/i18n/navigation";
import { isZh, pick } from "@/lib/localized";
import { formatEditionDates } from "@/lib/edition";
import { formatDay } from "@/lib/time";
import { NowNext } from "./_components/now-next";

export async function generateMetadata({ params }: PageProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  return pageMetadata({ locale, path: "" });
}

export default async function HomePage({ params }: PageProps<"/[locale]">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("home");
  const event = getEvent();
  const figures = listKeyFigures(event.id);
  // The line under the name and the link to what was said are the edition's own: a new edition
  // has neither until organizers write one or quotes are recorded for it.
  const intro = event.introEn ? pick(locale, event.introEn, event.introZh) : null;
  const hasQuotes = listQuotes(event.id).length > 0;
  // Only what the now-and-next island shows: the rest would travel in the page for nothing.
  const sessions = listPublicSessions(event.id)
    .filter((s) => s.status === "published" && s.type !== "break")
    .map(({ id, slug, startsAt, endsAt, titleEn, titleZh, room }) => ({
      id,
      slug,
      startsAt,
      endsAt,
      titleEn,
      titleZh,
      room: room && { nameEn: room.nameEn, nameZh: room.nameZh },
    }));

  return (
    <div className="space-y-10">
      <section className="from-brand-800 to-brand-600 rounded-2xl bg-gradient-to-br px-6 py-10 text-white sm:px-10">
        <h1 className="text-3xl font-bold tracking-tight sm:text-5xl">
          {pick(locale, event.nameEn, event.nameZh)}
        </h1>
        <p className="mt-3 text-lg sm:text-xl">
          <time dateTime={event.startDate}>
            {formatEditionDates(event.startDate, event.endDate, locale)}
          </time>{" "}
          · {pick(locale, event.venueEn, event.venueZh)}
        </p>
        {intro && <p className="text-brand-50 mt-4 max-w-2xl">{intro}</p>}
        <div className="mt-6 flex flex-wrap gap-3">
          <Link
            href="/agenda"
            className="text-brand-900 hover:bg-brand-50 rounded-md bg-white px-4 py-2 font-semibold"
          >
            {t("viewAgenda")}
          </Link>
          <Link
            href="/register"
            className="hover:bg-brand-700 rounded-md border border-white px-4 py-2 font-semibold"
          >
            {t("register")}
          </Link>
          {hasQuotes && (
            <Link
              href="/quotes"
              className="hover:bg-brand-700 rounded-md px-4 py-2 font-semibold underline"
            >
              {t("quotesLink")}
            </Link>
          )}
        </div>
      </section>

      <NowNext
        sessions={sessions}
        timeZone={event.timeZone}
        locale={locale}
        copy={{
          pastHeading: t("pastHeading"),
          nextHeading: t("nextHeading"),
          nowHeading: t("nowHeading"),
          illustrative: t("illustrative"),
          nothingNow: t("nothingNow"),
          afterForum: t("afterForum", {
            dates: formatEditionDates(event.startDate, event.endDate, locale, "span"),
          }),
          beforeForum: t("beforeForum", { date: formatDay(event.startDate, locale) }),
        }}
      />

      {/* An edition that has no figures of its own (yet) shows no empty heading. */}
      {figures.length > 0 && (
        <section aria-labelledby="figures-heading">
          <h2 id="figures-heading" className="text-2xl font-bold">
            {t("figuresHeading")}
          </h2>
          <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {figures.map((f) => (
              <li
                key={f.id}
                className="flex flex-col rounded-xl border border-slate-200 bg-white p-5"
              >
                <p className="text-brand-800 text-3xl font-bold">
                  {isZh(locale) && f.valueZh ? f.valueZh : f.value}
                  <span className="ml-1 text-base font-semibold text-slate-700">
                    {pick(locale, f.unitEn, f.unitZh)}
                  </span>
                </p>
                <p className="mt-2 flex-1 text-slate-700">{pick(locale, f.labelEn, f.labelZh)}</p>
                <Citation source={f.source} className="mt-3 block text-xs text-slate-600" />
              </li>
            ))}
          </ul>
        </section>
      )}

      <EditionArchive locale={locale} />
    </div>
  );
}
