/**
 * The names of stored material files: the hash of their content and the type's extension, chosen
 * by the server. A new file is a new address, so every address may be cached forever.
 */

export const MATERIAL_TYPES = {
  pdf: "application/pdf",
  webp: "image/webp",
  mp4: "video/mp4",
  webm: "video/webm",
} as const;

export type MaterialExt = keyof typeof MATERIAL_TYPES;

const NAME = /^([0-9a-f]{32})\.(pdf|webp|mp4|webm)$/;

export function materialFileName(hash: string, ext: MaterialExt): string {
  return `${hash.slice(0, 32)}.${ext}`;
}

/** The stored file a served address names, with its type; null for any other name. */
export function parseMaterialFile(
  name: string,
): { name: string; ext: MaterialExt; contentType: string } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const ext = match[2] as MaterialExt;
  return { name, ext, contentType: MATERIAL_TYPES[ext] };
}

export function materialUrl(file: string): string {
  return `/files/materials/${file}`;
}
