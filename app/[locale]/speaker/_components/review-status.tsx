import { getTranslations } from "next-intl/server";
import type { ProfileDraft } from "@/db/queries/speaker-portal";

/** Where the speaker's proposal stands: waiting for the organizers, or sent back with their note. */
export async function ReviewStatus({ draft }: { draft: ProfileDraft | null }) {
  const t = await getTranslations("speakerPortal.status");
  if (!draft) return <p className="mt-4 rounded-md border border-slate-200 bg-white px-4 py-3 text-slate-700">{t("none")}</p>;
  if (draft.status === "pending") {
    return <p className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950">{t("pending")}</p>;
  }
  return (
    <div className="mt-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-950">
      <p className="font-semibold">{t("returned")}</p>
      {draft.note && (
        <p className="mt-1">
          {t("note")} <q>{draft.note}</q>
        </p>
      )}
    </div>
  );
}
