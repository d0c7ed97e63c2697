/**
 * What a slides upload may be: a PDF by its bytes (the client's name and type say nothing), no
 * larger than the limit, sanely named. The parse itself (encrypted, broken) is ./pdf.ts.
 */
import { isSuspiciousFileName } from "../speakers/photo";

export const MAX_SLIDES_BYTES = 50 * 1024 * 1024;

/** Error codes, each with a message under "materials.errors" in messages/*.json. */
export type SlidesError =
  | "slidesMissing"
  | "slidesTooLarge"
  | "slidesBadName"
  | "slidesNotPdf"
  | "slidesEncrypted"
  | "slidesBroken";

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** A PDF starts with "%PDF-": a PNG named slides.pdf does not. */
export function isPdfMagic(head: Uint8Array): boolean {
  return head.length >= PDF_MAGIC.length && PDF_MAGIC.every((b, i) => head[i] === b);
}

/** Checks an upload before it is parsed: present, within the limit, sanely named, a PDF by content. */
export function checkSlidesUpload(upload: {
  name: string;
  size: number;
  head: Uint8Array;
}): { ok: true } | { ok: false; error: SlidesError } {
  if (upload.size === 0) return { ok: false, error: "slidesMissing" };
  if (upload.size > MAX_SLIDES_BYTES) return { ok: false, error: "slidesTooLarge" };
  if (isSuspiciousFileName(upload.name)) return { ok: false, error: "slidesBadName" };
  if (!isPdfMagic(upload.head)) return { ok: false, error: "slidesNotPdf" };
  return { ok: true };
}

/** "2.4 MB", "850 KB": the size next to the download link, in the reader's convention (both use SI). */
export function formatFileSize(bytes: number, locale: string): string {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: units[unit],
    unitDisplay: "short",
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
