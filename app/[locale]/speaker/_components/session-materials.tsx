import { getTranslations } from "next-intl/server";
import { requireSpeaker } from "@/auth/speaker";
import { portalMaterials } from "@/db/queries/material-proposals";
import { materialUrl } from "@/lib/materials/files";
import { formatFileSize, MAX_SLIDES_BYTES } from "@/lib/materials/slides";
import { MaterialsProposalForm } from "./materials-proposal-form";
import { SlidesUpload } from "./slides-upload";

/**
 * A session's materials in the speaker's portal: what the public page shows, what the speaker
 * proposed (waiting for the organizers, or sent back with their note), and the forms to propose
 * slides, a recording link and the consent to publish each.
 */
export async function SessionMaterials({ sessionId, locale }: { sessionId: number; locale: string }) {
  const speaker = await requireSpeaker();
  const pair = portalMaterials(speaker.speakerId, [sessionId]).get(sessionId);
  if (!pair) return null;
  const t = await getTranslations("speakerMaterials");
  const { current, proposal } = pair;
  const slides = (file: string | null | undefined, bytes: number | null | undefined) =>
    file ? (
      <a href={materialUrl(file)} className="text-brand-700 underline">
        {t("slidesFile", { size: formatFileSize(bytes ?? 0, locale) })}
      </a>
    ) : (
      t("none")
    );
  const yesNo = (v: boolean) => (v ? t("yes") : t("no"));
  return (
    <div className="mt-3 border-t border-slate-200 pt-3" data-session-materials={sessionId}>
      <h3 className="font-semibold">{t("title")}</h3>
      {proposal?.status === "pending" && <p className="mt-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">{t("pending")}</p>}
      {proposal?.status === "returned" && (
        <div className="mt-1 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-950">
          <p className="font-semibold">{t("returned")}</p>
          {proposal.note && (
            <p>
              {t("note")} <q>{proposal.note}</q>
            </p>
          )}
        </div>
      )}
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="font-medium">{t("publicSlides")}</dt>
        <dd>{current?.slidesPublished ? slides(current.slidesFile, current.slidesBytes) : t("none")}</dd>
        <dt className="font-medium">{t("publicRecording")}</dt>
        <dd>{current?.recordingPublished && current.recordingUrl ? <span className="break-all">{current.recordingUrl}</span> : current?.recordingPublished && current.recordingFile ? t("videoFile") : t("none")}</dd>
        {proposal && (
          <>
            <dt className="font-medium">{t("proposedSlides")}</dt>
            <dd>{proposal.slidesFile ? slides(proposal.slidesFile, proposal.slidesBytes) : t("unchanged")}</dd>
            <dt className="font-medium">{t("proposedRecording")}</dt>
            <dd className="break-all">{proposal.recordingUrl ?? t("unchanged")}</dd>
            <dt className="font-medium">{t("proposedConsent")}</dt>
            <dd>{t("consentSummary", { slides: yesNo(proposal.slidesConsent), recording: yesNo(proposal.recordingConsent) })}</dd>
          </>
        )}
      </dl>
      <SlidesUpload sessionId={sessionId} locale={locale} maxBytes={MAX_SLIDES_BYTES} />
      <MaterialsProposalForm
        sessionId={sessionId}
        recordingUrl={proposal?.recordingUrl ?? current?.recordingUrl ?? ""}
        slidesConsent={proposal ? proposal.slidesConsent : Boolean(current?.slidesPublished)}
        recordingConsent={proposal ? proposal.recordingConsent : Boolean(current?.recordingPublished)}
      />
    </div>
  );
}
