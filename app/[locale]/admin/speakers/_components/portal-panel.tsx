import { getTranslations } from "next-intl/server";
import type { portalForConsole } from "@/db/queries/speaker-portal";
import { changedFields, type ProfileProposal } from "@/lib/speakers/portal-input";
import { expiryText } from "@/lib/speakers/portal-link";
import { photoUrl } from "@/lib/speakers/photo";
import { PortalDecisionForm } from "./portal-decision-form";
import { PortalLinkPanel } from "./portal-link-panel";

type Props = {
  id: number;
  locale: string;
  timeZone: string;
  portal: NonNullable<ReturnType<typeof portalForConsole>>;
  /** What the last step did (`?portal=`), said once. */
  notice: string | undefined;
};

const NOTICES = ["invited", "renewed", "revoked", "approved", "returned"];

const ROWS: (keyof ProfileProposal)[] = ["organisationEn", "organisationZh", "bioEn", "bioZh", "websiteUrl", "linkedinUrl", "weiboUrl", "wechatAccount", "photoPath"];

/** The speaker's portal, for organizers: the link, and the speaker's proposal beside what is public. */
export async function PortalPanel({ id, locale, timeZone, portal, notice }: Props) {
  const t = await getTranslations("speakerPortalAdmin");
  const { link, current, draft } = portal;
  const changed = new Set(draft ? changedFields(current, draft.proposal) : []);
  const cell = (key: keyof ProfileProposal, value: string | null) => {
    if (key === "photoPath") {
      // eslint-disable-next-line @next/next/no-img-element -- served already resized by /files/speakers
      return value ? <img src={photoUrl(value, 96)} alt="" width={96} className="h-auto w-16 rounded border border-slate-200" /> : <span className="text-slate-500">{t("empty")}</span>;
    }
    return value ? <span className="whitespace-pre-line break-words">{value}</span> : <span className="text-slate-500">{t("empty")}</span>;
  };
  return (
    <section aria-labelledby="portal-heading" className="mt-8 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="portal-heading" className="text-xl font-semibold">
        {t("title")}
      </h2>
      {notice && NOTICES.includes(notice) && (
        <p role="status" className="mt-2 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
          {t(`done.${notice}`)}
        </p>
      )}
      <PortalLinkPanel id={id} locale={locale} link={link ? { state: link.state, email: link.email, locale: link.locale, until: expiryText(link.expiresAt, locale, timeZone) } : null} />
      <h3 className="mt-6 text-lg font-semibold">{t("review.title")}</h3>
      {!draft ? (
        <p className="mt-2 text-slate-700">{t("review.none")}</p>
      ) : (
        <>
          <p className="mt-2 text-slate-700">{t(`review.${draft.status}`, { note: draft.note ?? "" })}</p>
          <table className="mt-3 w-full table-fixed border-collapse text-sm">
            <caption className="sr-only">{t("review.caption")}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left">
                <th scope="col" className="w-1/5 py-2 pr-2">{t("review.field")}</th>
                <th scope="col" className="py-2 pr-2">{t("review.public")}</th>
                <th scope="col" className="py-2">{t("review.proposed")}</th>
              </tr>
            </thead>
            <tbody>
              {ROWS.map((key) => (
                <tr key={key} className={`border-b border-slate-100 align-top ${changed.has(key) ? "bg-amber-50" : ""}`}>
                  <th scope="row" className="py-2 pr-2 text-left font-medium">
                    {t(`fields.${key}`)}
                    {changed.has(key) && <span className="block text-xs font-semibold text-amber-900">{t("review.changed")}</span>}
                  </th>
                  <td className="py-2 pr-2">{cell(key, current[key])}</td>
                  <td className="py-2">{cell(key, draft.proposal[key])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {draft.status === "pending" && <PortalDecisionForm id={id} locale={locale} seen={draft.updatedAt.getTime()} />}
        </>
      )}
    </section>
  );
}
