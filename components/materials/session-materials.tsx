import { getTranslations } from "next-intl/server";
import { isZh, pick } from "@/lib/localized";
import type { PublicMaterials } from "@/lib/materials/public";
import { VIDEO_HOST_NAMES } from "@/lib/materials/recording";
import { formatFileSize } from "@/lib/materials/slides";
import { RecordingPlayer } from "./recording-player";

type Props = { materials: PublicMaterials; title: string; locale: string };

/** A session's published slides and recording, on its page. */
export async function SessionMaterials({ materials: { slides, recording }, title, locale }: Props) {
  const t = await getTranslations("materials.public");
  const host =
    recording?.kind === "link"
      ? pick(locale, VIDEO_HOST_NAMES[recording.host].en, VIDEO_HOST_NAMES[recording.host].zh)
      : null;
  return (
    <>
      {slides && (
        <section aria-labelledby="slides-heading" className="mt-8">
          <h2 id="slides-heading" className="text-xl font-bold">
            {t("slides")}
          </h2>
          <div className="mt-3 flex flex-wrap items-start gap-4">
            {slides.previewUrl && (
              <a href={slides.url} className="block shrink-0">
                {/* eslint-disable-next-line @next/next/no-img-element -- rendered and resized on upload, served under its hash */}
                <img
                  src={slides.previewUrl}
                  alt={t("preview", { title })}
                  width={240}
                  className="h-auto w-60 rounded-md border border-slate-200 bg-white"
                  loading="lazy"
                />
              </a>
            )}
            <p>
              <a href={slides.url} download className="text-brand-700 font-semibold underline">
                {t("download")}
              </a>
              <span className="block text-sm text-slate-700">
                {t("pdfSize", { size: formatFileSize(slides.bytes, locale) })}
                {slides.pages
                  ? `${isZh(locale) ? "，" : ", "}${t("pages", { count: slides.pages })}`
                  : ""}
              </span>
            </p>
          </div>
        </section>
      )}
      {recording && (
        <section aria-labelledby="recording-heading" id="recording" className="mt-8">
          <h2 id="recording-heading" className="text-xl font-bold">
            {t("recording")}
          </h2>
          <RecordingPlayer
            recording={recording}
            labels={{
              play: host ? t("playOn", { host }) : t("play"),
              playFrom: t("from", { time: "{time}" }),
              notice: host ? t("thirdParty", { host }) : "",
              title: t("playerTitle", { title }),
            }}
          />
          {recording.kind === "link" && host && (
            <p className="mt-2 text-sm">
              <a
                href={recording.url}
                rel="noopener noreferrer"
                className="text-brand-700 underline"
              >
                {t("watchOn", { host })}
              </a>
            </p>
          )}
        </section>
      )}
    </>
  );
}
