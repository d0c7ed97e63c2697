import { getTranslations } from "next-intl/server";
import type { proposalForConsole } from "@/db/queries/material-proposals";
import type { SessionMaterials } from "@/db/schema";
import { pick } from "@/lib/localized";
import { materialUrl } from "@/lib/materials/files";
import { formatFileSize } from "@/lib/materials/slides";
import { ProposalDecisionForm } from "./proposal-decision-form";

type Props = {
  sessionId: number;
  locale: string;
  current: SessionMaterials | null;
  found: ReturnType<typeof proposalForConsole>;
};

/** A speaker's proposal for this session beside what is public, as the speaker's profile is reviewed. */
export async function ProposalPanel({ sessionId, locale, current, found }: Props) {
  if (!found) return null;
  const t = await getTranslations("speakerMaterials.review");
  const { proposal, speaker } = found;
  const file = (name: string | null | undefined, bytes: number | null | undefined) =>
    name ? (
      <a href={materialUrl(name)} className="text-brand-700 underline">
        {t("slidesFile", { size: formatFileSize(bytes ?? 0, locale) })}
      </a>
    ) : (
      <span className="text-slate-500">{t("empty")}</span>
    );
  const link = (url: string | null | undefined) => (url ? <span className="break-all">{url}</span> : <span className="text-slate-500">{t("empty")}</span>);
  const yesNo = (v: boolean) => (v ? t("yes") : t("no"));
  const rows = [
    { key: "slides", changed: proposal.slidesFile !== null, public: file(current?.slidesFile, current?.slidesBytes), proposed: proposal.slidesFile ? file(proposal.slidesFile, proposal.slidesBytes) : t("unchanged") },
    {
      key: "recording",
      changed: proposal.recordingUrl !== null && proposal.recordingUrl !== current?.recordingUrl,
      public: current?.recordingFile && !current.recordingUrl ? t("videoFile") : link(current?.recordingUrl),
      proposed: proposal.recordingUrl ? link(proposal.recordingUrl) : t("unchanged"),
    },
    { key: "slidesConsent", changed: proposal.slidesConsent !== Boolean(current?.slidesPublished), public: yesNo(Boolean(current?.slidesPublished)), proposed: yesNo(proposal.slidesConsent) },
    { key: "recordingConsent", changed: proposal.recordingConsent !== Boolean(current?.recordingPublished), public: yesNo(Boolean(current?.recordingPublished)), proposed: yesNo(proposal.recordingConsent) },
  ];
  return (
    <section aria-labelledby="proposal-heading" className="mt-8 rounded-lg border border-amber-300 bg-white p-4">
      <h2 id="proposal-heading" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="mt-2 text-slate-700">
        {t(proposal.status, { speaker: speaker ? pick(locale, speaker.nameEn, speaker.nameZh) : "", note: proposal.note ?? "" })}
      </p>
      <table className="mt-3 w-full table-fixed border-collapse text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left">
            <th scope="col" className="w-1/4 py-2 pr-2">{t("field")}</th>
            <th scope="col" className="py-2 pr-2">{t("public")}</th>
            <th scope="col" className="py-2">{t("proposed")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={`border-b border-slate-100 align-top ${r.changed ? "bg-amber-50" : ""}`}>
              <th scope="row" className="py-2 pr-2 text-left font-medium">
                {t(`fields.${r.key}`)}
                {r.changed && <span className="block text-xs font-semibold text-amber-900">{t("changed")}</span>}
              </th>
              <td className="py-2 pr-2">{r.public}</td>
              <td className="py-2">{r.proposed}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {proposal.status === "pending" && <ProposalDecisionForm sessionId={sessionId} seen={proposal.updatedAt.getTime()} />}
    </section>
  );
}
