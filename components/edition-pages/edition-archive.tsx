import { getTranslations } from "next-intl/server";
import { listEditions } from "@/db/queries/event";
import { Link } from "@/i18n/navigation";
import { editionName, formatEditionDates } from "@/lib/edition";

/** The home page's list of earlier editions, each linking to its agenda; nothing while there are none. */
export async function EditionArchive({ locale }: { locale: string }) {
  const past = listEditions().filter((e) => !e.isCurrent);
  if (past.length === 0) return null;
  const t = await getTranslations("editions");
  return (
    <section aria-labelledby="archive-heading">
      <h2 id="archive-heading" className="text-2xl font-bold">
        {t("archiveHeading")}
      </h2>
      <p className="mt-2 text-slate-700">{t("archiveIntro")}</p>
      <ul className="mt-3 space-y-1">
        {past.map((e) => (
          <li key={e.id}>
            <Link href={`/${e.path}/agenda`} className="font-medium text-brand-700 underline">
              {t("agendaOf", { name: editionName(e, locale) })}
            </Link>{" "}
            <span className="text-slate-700">· {formatEditionDates(e.startDate, e.endDate, locale)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
