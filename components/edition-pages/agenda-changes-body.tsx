import { getTranslations } from "next-intl/server";
import { ChangeItem } from "@/components/agenda/change-item";
import type { Event } from "@/db/schema";
import { listScheduleVersions } from "@/db/queries/agenda-editor";
import { Link } from "@/i18n/navigation";
import { editionPrefix } from "@/lib/edition";
import { offsetLabel, zonedToInstant } from "@/lib/time";

/** Every published version of one edition's agenda, newest first. */
export async function AgendaChangesBody({ edition, locale }: { edition: Event; locale: string }) {
  const t = await getTranslations("agendaChanges");
  const agenda = await getTranslations("agenda");
  const prefix = editionPrefix(edition);
  const { timeZone } = edition;
  const offset = offsetLabel(zonedToInstant(edition.startDate, "12:00", timeZone), timeZone);
  const versions = listScheduleVersions(edition.id);
  const stamp = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone });
  return (
    <div>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("intro", { offset })}</p>
      <p className="mt-2 text-sm text-slate-600">{agenda("illustrative")}</p>
      <p className="mt-2">
        <Link href={`${prefix}/agenda`} className="font-medium text-brand-700 underline">
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
                <ChangeItem key={i} change={change} locale={locale} timeZone={timeZone} prefix={prefix} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
