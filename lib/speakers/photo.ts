/**
 * Rules for speaker photos: what an upload may be, what the server names the stored file, and
 * the sizes it is served in. The bytes decide the type; the client's file name and MIME type do not.
 */

export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

/** The widths the photo is served in; any other width is a 404, so nobody can fill the disk. */
export const PHOTO_WIDTHS = [96, 240, 480] as const;
export type PhotoWidth = (typeof PHOTO_WIDTHS)[number];

export type ImageType = "jpeg" | "png" | "webp";

export type PhotoError = "photoMissing" | "photoTooLarge" | "photoNotImage" | "photoBadName" | "photoUnreadable";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The image type by its magic bytes, or null for anything else. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, PNG)) return "png";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  return null;
}

/**
 * The client's file name is never used to store anything, but one that tries to climb out of a
 * folder says the request was crafted, and is refused as such: separators and dots, also
 * percent-encoded (for servers that decode names), control characters, and U+FFFD, which is what
 * bytes that were not UTF-8 became.
 */
export function isSuspiciousFileName(name: string): boolean {
  return (
    name.length > 255 ||
    /[/\\\0]/.test(name) ||
    /[\u0000-\u001f\u007f-\u009f\ufffd]/.test(name) ||
    /%(?:2e|2f|5c|00)/i.test(name) ||
    name === "." ||
    name === ".." ||
    name.includes("..")
  );
}

/** Checks an upload before any decoding: present, small enough, sanely named, an image by content. */
export function checkPhotoUpload(upload: { name: string; size: number; head: Uint8Array } | null):
  | { ok: true; type: ImageType }
  | { ok: false; error: PhotoError } {
  if (!upload || upload.size === 0) return { ok: false, error: "photoMissing" };
  if (upload.size > MAX_PHOTO_BYTES) return { ok: false, error: "photoTooLarge" };
  if (isSuspiciousFileName(upload.name)) return { ok: false, error: "photoBadName" };
  const type = sniffImageType(upload.head);
  if (!type) return { ok: false, error: "photoNotImage" };
  return { ok: true, type };
}

/** The stored file's name: chosen by the server from the speaker and a hash of the stored bytes. */
export function photoFileName(speakerId: number, hash: string): string {
  return `${speakerId}-${hash}.webp`;
}

const STORED = /^([1-9]\d{0,9})-([0-9a-f]{16})\.webp$/;
const VARIANT = /^([1-9]\d{0,9})-([0-9a-f]{16})-(\d{2,4})\.webp$/;

export function isPhotoFileName(name: string): boolean {
  return STORED.test(name);
}

/** `/files/speakers/<id>-<hash>-<width>.webp` → the stored file and width; null for anything else. */
export function parsePhotoVariant(name: string): { stored: string; width: PhotoWidth } | null {
  const match = VARIANT.exec(name);
  if (!match) return null;
  const width = Number(match[3]);
  if (!PHOTO_WIDTHS.includes(width as PhotoWidth)) return null;
  return { stored: `${match[1]}-${match[2]}.webp`, width: width as PhotoWidth };
}

/** The address of one size of a stored photo. The name changes with the content, so it caches forever. */
export function photoUrl(stored: string, width: PhotoWidth): string {
  return `/files/speakers/${stored.replace(/\.webp$/, "")}-${width}.webp`;
}
