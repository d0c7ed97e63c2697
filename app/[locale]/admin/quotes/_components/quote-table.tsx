import { getTranslations } from "next-intl/server";
import type { ConsoleQuote } from "@/db/queries/quotes-admin";
import { Link } from "@/i18n/navigation";
import { pick } from "@/lib/localized";
import { TableScroll } from "@/components/ui/table-scroll";

type Props = { quotes: ConsoleQuote[]; locale: string; publicSpeakers: Set<number> };

const excerpt = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}…` : text);

export async function QuoteTable({ quotes, locale, publicSpeakers }: Props) {
  const t = await getTranslations("quotesAdmin");
  if (quotes.length === 0) return <p className="mt-6 text-slate-700">{t("empty")}</p>;
  return (
    <TableScroll className="mt-6">
      <table className="w-full text-left">
        <caption className="sr-only">{t("title")}</caption>
        <thead>
          <tr className="text-sm text-slate-600">
            <th scope="col" className="pr-3 pb-2">{t("columns.text")}</th>
            <th scope="col" className="pr-3 pb-2">{t("columns.speaker")}</th>
            <th scope="col" className="pr-3 pb-2">{t("columns.kind")}</th>
            <th scope="col" className="pr-3 pb-2">{t("columns.source")}</th>
            <th scope="col" className="pb-2">{t("columns.visibility")}</th>
          </tr>
        </thead>
        <tbody>
          {quotes.map((q) => (
            <tr key={q.id} className="border-t border-slate-200 align-top">
              <td className="py-2 pr-3">
                <Link href={`/admin/quotes/${q.id}`} className="text-brand-700 underline">
                  {excerpt(q.text)}
                </Link>
              </td>
              <td className="py-2 pr-3">{pick(locale, q.speaker.nameEn, q.speaker.nameZh)}</td>
              <td className="py-2 pr-3">{t(`kinds.${q.kind}`)}</td>
              <td className="py-2 pr-3">{q.source.title}</td>
              <td className="py-2">{publicSpeakers.has(q.speakerId) ? t("visibility.public") : t("visibility.private")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
