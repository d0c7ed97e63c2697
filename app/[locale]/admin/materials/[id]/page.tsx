import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { consoleEdition } from "@/auth/edition";
import { requirePageUser } from "@/auth/guard";
import { editionById } from "@/db/queries/event";
import { proposalForConsole } from "@/db/queries/material-proposals";
import { getSessionMaterials } from "@/db/queries/materials";
import { Link } from "@/i18n/navigation";
import { editionPrefix } from "@/lib/edition";
import { pick } from "@/lib/localized";
import { materialUrl } from "@/lib/materials/files";
import { formatOffset } from "@/lib/materials/offset";
import { formatFileSize, MAX_SLIDES_BYTES } from "@/lib/materials/slides";
import { MAX_VIDEO_BYTES } from "@/lib/materials/video";
import { ConsentForm } from "../_components/consent-form";
import { LengthForm } from "../_components/length-form";
import { ProposalPanel } from "../_components/proposal-panel";
import { RecordingLinkForm } from "../_components/recording-link-form";
import { RemoveForm } from "../_components/remove-form";
import { UploadPanel } from "../_components/upload-panel";

type Props = PageProps<"/[locale]/admin/materials/[id]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "materials.console" });
  return { title: t("title"), robots: { index: false } };
}

/** One session's slides, recording and the consent to publish each. */
export default async function SessionMaterialsPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requirePageUser(locale, "agenda", `/admin/materials/${id}`);
  const edition = await consoleEdition();
  const session = /^[1-9]\d{0,9}$/.test(id)
    ? getSessionMaterials(Number(id), edition.id)
    : undefined;
  if (!session) notFound();
  const t = await getTranslations("materials.console");
  const m = session.materials;
  const hasSlides = Boolean(m?.slidesFile);
  const hasRecording = Boolean(m?.recordingUrl || m?.recordingFile);
  const title = pick(locale, session.titleEn, session.titleZh);
  const prefix = editionPrefix(editionById(session.eventId) ?? edition);
  return (
    <div className="max-w-3xl">
      <Link href="/admin/materials" className="text-brand-700 text-sm underline">
        ← {t("back")}
      </Link>
      <h1 className="mt-3 text-3xl font-bold">{title}</h1>
      {session.status !== "draft" && (
        <p className="mt-2 text-sm">
          <Link href={`${prefix}/sessions/${session.slug}`} className="text-brand-700 underline">
            {t("viewPublic")}
          </Link>
        </p>
      )}

      <ProposalPanel
        sessionId={session.id}
        locale={locale}
        current={m}
        found={proposalForConsole(session.id, edition.id)}
      />

      <section
        aria-labelledby="slides-heading"
        className="mt-8 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="slides-heading" className="text-xl font-semibold">
          {t("slides")}
        </h2>
        {m?.slidesFile ? (
          <div className="mt-2 flex flex-wrap items-start gap-4">
            {m.slidesPreview && (
              // eslint-disable-next-line @next/next/no-img-element -- rendered on upload
              <img
                src={materialUrl(m.slidesPreview)}
                alt={t("previewAlt")}
                width={160}
                className="h-auto w-40 rounded border border-slate-200"
              />
            )}
            <p>
              <a href={materialUrl(m.slidesFile)} className="text-brand-700 underline">
                {t("currentSlides", {
                  size: formatFileSize(m.slidesBytes ?? 0, locale),
                  pages: m.slidesPages ?? 0,
                })}
              </a>
            </p>
          </div>
        ) : (
          <p className="mt-2 text-slate-700">{t("noSlides")}</p>
        )}
        <UploadPanel
          sessionId={session.id}
          kind="slides"
          accept="application/pdf,.pdf"
          maxBytes={MAX_SLIDES_BYTES}
        />
        {hasSlides && <RemoveForm sessionId={session.id} what="slides" />}
      </section>

      <section
        aria-labelledby="recording-heading"
        className="mt-8 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="recording-heading" className="text-xl font-semibold">
          {t("recording")}
        </h2>
        {m?.recordingFile && (
          <p className="mt-2">
            <a href={materialUrl(m.recordingFile)} className="text-brand-700 underline">
              {t("currentFile", { size: formatFileSize(m.recordingBytes ?? 0, locale) })}
            </a>
          </p>
        )}
        {m?.recordingSeconds != null && (
          <p className="mt-1 text-sm text-slate-700">
            {t("length", { time: formatOffset(m.recordingSeconds) })}
          </p>
        )}
        {m?.recordingFile && (
          <LengthForm
            sessionId={session.id}
            length={m.recordingSeconds != null ? formatOffset(m.recordingSeconds) : ""}
          />
        )}
        <RecordingLinkForm
          sessionId={session.id}
          url={m?.recordingUrl ?? ""}
          length={m?.recordingSeconds != null ? formatOffset(m.recordingSeconds) : ""}
        />
        <UploadPanel
          sessionId={session.id}
          kind="recording"
          accept="video/mp4,video/webm"
          maxBytes={MAX_VIDEO_BYTES}
        />
        {hasRecording && <RemoveForm sessionId={session.id} what="recording" />}
      </section>

      <section
        aria-labelledby="consent-heading"
        className="mt-8 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="consent-heading" className="text-xl font-semibold">
          {t("consent")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t("consentHint")}</p>
        <ConsentForm
          sessionId={session.id}
          slides={Boolean(m?.slidesPublished)}
          recording={Boolean(m?.recordingPublished)}
          hasSlides={hasSlides}
          hasRecording={hasRecording}
        />
      </section>
    </div>
  );
}
