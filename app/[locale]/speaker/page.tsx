import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { forbidden, notFound } from "next/navigation";
import { requireSpeaker } from "@/auth/speaker";
import { portalView } from "@/db/queries/speaker-portal";
import { pick } from "@/lib/localized";
import { photoUrl } from "@/lib/speakers/photo";
import { leavePortalAction } from "./actions";
import { PortalFeedback } from "./_components/portal-feedback";
import { PortalPhoto } from "./_components/portal-photo";
import { PortalSessions } from "./_components/portal-sessions";
import { ProfileForm } from "./_components/profile-form";
import { ReviewStatus } from "./_components/review-status";

type Props = PageProps<"/[locale]/speaker">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "speakerPortal" });
  // A private page: never indexed, and its address never sent onwards as a referrer.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

export default async function SpeakerPortalPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  // Arrived by a link that no longer works: said as such, whatever this browser held before.
  if ((await searchParams).link === "dead") forbidden();
  const speaker = await requireSpeaker();
  const view = portalView(speaker.speakerId);
  if (!view) notFound();
  const t = await getTranslations("speakerPortal");
  const shown = view.draft?.proposal ?? view.current;
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-lg text-slate-700">{pick(locale, view.name.en, view.name.zh)}</p>
      <p className="mt-3 text-slate-700">{t("intro")}</p>
      <ReviewStatus draft={view.draft} />
      <ProfileForm locale={locale} initial={shown} />
      <PortalPhoto
        locale={locale}
        name={pick(locale, view.name.en, view.name.zh)}
        publicUrl={view.current.photoPath ? photoUrl(view.current.photoPath, 240) : null}
        proposedUrl={view.draft && view.draft.proposal.photoPath !== view.current.photoPath && view.draft.proposal.photoPath ? photoUrl(view.draft.proposal.photoPath, 240) : null}
      />
      <PortalSessions appearances={view.appearances} locale={locale} />
      <PortalFeedback speakerId={speaker.speakerId} locale={locale} />
      <form action={leavePortalAction} className="mt-10">
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="font-medium text-brand-700 underline">
          {t("leave")}
        </button>
      </form>
    </div>
  );
}
