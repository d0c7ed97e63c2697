import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { listScheduleVersions } from "@/db/queries/agenda-editor";
import { getEvent } from "@/db/queries/event";
import { pageMetadata } from "@/i18n/metadata";
import { Link } from "@/i18n/navigation";
import { offsetLabel, zonedToInstant } from "@/lib/time";
import { ChangeItem } from "@/components/agenda/change-item";

export async function generateMetadata({ params }: PageProps<"/[locale]/agenda/changes">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "agendaChanges" });
  return pageMetadata({ locale, path: "/agenda/changes", title: t("title"), description: t("description") });
}

/** Every published version of the agenda, newest first; rendered ahead and revalidated on publication. */
export default async function AgendaChangesPage({ params }: PageProps<"/[locale]/agenda/changes">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("agendaChanges");
  const agenda = await getTranslations("agenda");
  const event = getEvent();
  const offset = offsetLabel(zonedToInstant(event.startDate, "12:00", event.timeZone), event.timeZone);
  const versions = listScheduleVersions();
  const stamp = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: event.timeZone });
  return (
    <div>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("intro", { offset })}</p>
      <p className="mt-2 text-sm text-slate-600">{agenda("illustrative")}</p>
      <p className="mt-2">
        <Link href="/agenda" className="font-medium text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      {versions.length === 0 && <p className="mt-6">{t("empty")}</p>}
      {versions.map((v) => (
        <section key={v.number} aria-labelledby={`version-${v.number}`} className="mt-8">
          <h2 id={`version-${v.number}`} className="text-xl font-semibold">
            {t("version", { number: v.number })}
          </h2>
          <p className="text-sm text-slate-600">{t("publishedAt", { date: `${stamp.format(v.publishedAt)} (${offset})` })}</p>
          {v.changes.length === 0 ? (
            <p className="mt-2">{t("noChanges")}</p>
          ) : (
            <ul className="mt-2 space-y-2">
              {v.changes.map((change, i) => (
                <ChangeItem key={i} change={change} locale={locale} timeZone={event.timeZone} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
