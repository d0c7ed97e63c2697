/**
 * What the public sees of a session's materials: only what has the consent to publish, with the
 * addresses it is served at. The same shape feeds the session page, speaker pages, quote cards,
 * the REST API and the schedule exports.
 */
import { materialUrl, parseMaterialFile } from "./files";
import { recordingLinkOf, type VideoHost } from "./recording";

/** The stored row, as far as publishing it goes (db/schema.ts session_materials). */
export type MaterialsRow = {
  slidesFile: string | null;
  slidesBytes: number | null;
  slidesPages: number | null;
  slidesPreview: string | null;
  slidesPublished: boolean;
  recordingUrl: string | null;
  recordingFile: string | null;
  recordingBytes: number | null;
  recordingSeconds: number | null;
  recordingPublished: boolean;
};

export type PublicSlides = {
  url: string;
  bytes: number;
  pages: number | null;
  previewUrl: string | null;
};

export type PublicRecording =
  | { kind: "link"; host: VideoHost; id: string; url: string; seconds: number | null }
  | {
      kind: "file";
      url: string;
      contentType: string;
      bytes: number | null;
      seconds: number | null;
    };

export type PublicMaterials = { slides: PublicSlides | null; recording: PublicRecording | null };

export function publicMaterials(row: MaterialsRow | null | undefined): PublicMaterials {
  if (!row) return { slides: null, recording: null };
  const slides: PublicSlides | null =
    row.slidesPublished && row.slidesFile
      ? {
          url: materialUrl(row.slidesFile),
          bytes: row.slidesBytes ?? 0,
          pages: row.slidesPages,
          previewUrl: row.slidesPreview ? materialUrl(row.slidesPreview) : null,
        }
      : null;
  let recording: PublicRecording | null = null;
  if (row.recordingPublished) {
    const link = row.recordingUrl ? recordingLinkOf(row.recordingUrl) : null;
    const file = row.recordingFile ? parseMaterialFile(row.recordingFile) : null;
    if (link) recording = { kind: "link", ...link, seconds: row.recordingSeconds };
    else if (file)
      recording = {
        kind: "file",
        url: materialUrl(file.name),
        contentType: file.contentType,
        bytes: row.recordingBytes,
        seconds: row.recordingSeconds,
      };
  }
  return { slides, recording };
}

/** Whether there is anything to show. */
export const hasMaterials = (m: PublicMaterials) => m.slides !== null || m.recording !== null;
