import { getTranslations } from "next-intl/server";
import { QuoteArchive } from "@/components/quotes/quote-archive";
import { ClientMessages } from "@/components/client-messages";
import type { Event } from "@/db/schema";
import { listEditions } from "@/db/queries/event";
import { listQuotes, listTopics } from "@/db/queries/quotes";
import { listSpeakers } from "@/db/queries/speakers";
import { Link } from "@/i18n/navigation";
import { editionName } from "@/lib/edition";

/**
 * The quote archive: every edition's quotes at /quotes, one edition's at /<path>/quotes. The edition
 * filter is a row of links to those pages, each rendered ahead, so it works without JavaScript.
 */
export async function QuotesBody({ edition, locale }: { edition?: Event; locale: string }) {
  const t = await getTranslations("quotes");
  const editions = await getTranslations("editions");
  const quotes = listQuotes(edition?.id);
  const data = {
    quotes,
    speakers: listSpeakers()
      .filter((s) => quotes.some((q) => q.speakerId === s.id))
      .map(({ slug, nameEn, nameZh }) => ({ slug, nameEn, nameZh })),
    topics: listTopics().map(({ slug, nameEn, nameZh }) => ({ slug, nameEn, nameZh })),
  };
  const all = listEditions();
  const choices = [
    { href: "/quotes", label: editions("all"), chosen: !edition },
    ...all.map((e) => ({ href: `/${e.path}/quotes`, label: editionName(e, locale), chosen: e.id === edition?.id })),
  ];
  return (
    <div>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-2xl text-slate-700">{t("description")}</p>
      {all.length > 1 && (
        <nav aria-label={editions("filter")} className="mt-4">
          <ul className="flex flex-wrap gap-2">
            {choices.map((c) => (
              <li key={c.href}>
                <Link
                  href={c.href}
                  aria-current={c.chosen ? "page" : undefined}
                  className={`inline-block rounded-full border px-3 py-1 text-sm ${c.chosen ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-brand-800 underline"}`}
                >
                  {c.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <ClientMessages area="quotes">
        <QuoteArchive data={data} />
      </ClientMessages>
    </div>
  );
}
