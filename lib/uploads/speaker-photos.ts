/**
 * Speaker photos on disk: UPLOADS_DIR/speakers/<id>-<hash>.webp, re-encoded by the server (which
 * also drops EXIF and every other metadata), and the served sizes cached beside them on first use.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { databasePath } from "@/lib/data-path";
import { isPhotoFileName, photoFileName, type ImageType, type PhotoWidth } from "@/lib/speakers/photo";

/** The longest side a stored photo keeps; the served sizes are all smaller. */
const STORED_MAX = 1024;
/** A 2 MB file may still claim a vast canvas: refuse before decoding it. */
const MAX_INPUT_PIXELS = 40_000_000;

export function uploadsDir(): string {
  return path.resolve(
    /* turbopackIgnore: true */ process.env.UPLOADS_DIR || path.join(path.dirname(databasePath()), "uploads"),
  );
}

const speakersDir = () => path.join(uploadsDir(), "speakers");
const variantsDir = () => path.join(speakersDir(), "sizes");

async function writeAtomically(file: string, bytes: Buffer): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  await fs.writeFile(temp, bytes);
  await fs.rename(temp, file);
}

/**
 * Decodes the upload as the type its bytes claim and stores a re-encoded copy. Null when it does
 * not decode as that type (a truncated or disguised file).
 */
export async function storeSpeakerPhoto(speakerId: number, bytes: Uint8Array, type: ImageType): Promise<string | null> {
  let encoded: Buffer;
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" });
    const { format } = await image.metadata();
    if (format !== type) return null;
    encoded = await image
      .rotate() // applies the EXIF orientation before the metadata goes
      .resize({ width: STORED_MAX, height: STORED_MAX, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 85 })
      .toBuffer();
  } catch {
    return null;
  }
  const hash = createHash("sha256").update(encoded).digest("hex").slice(0, 16);
  const name = photoFileName(speakerId, hash);
  await writeAtomically(path.join(speakersDir(), name), encoded);
  return name;
}

/** One served size of a stored photo, made on first request; null when there is no such photo. */
export async function speakerPhotoVariant(stored: string, width: PhotoWidth): Promise<Buffer | null> {
  if (!isPhotoFileName(stored)) return null;
  const variant = path.join(variantsDir(), stored.replace(/\.webp$/, `-${width}.webp`));
  try {
    return await fs.readFile(variant);
  } catch {
    // not made yet
  }
  let source: Buffer;
  try {
    source = await fs.readFile(path.join(speakersDir(), stored));
  } catch {
    return null;
  }
  const resized = await sharp(source).resize({ width, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
  await writeAtomically(variant, resized);
  return resized;
}

/** Removes a replaced photo and its sizes. Best effort: a leftover file harms nobody. */
export async function deleteSpeakerPhoto(stored: string): Promise<void> {
  if (!isPhotoFileName(stored)) return;
  const base = stored.replace(/\.webp$/, "");
  const sizes = await fs.readdir(variantsDir()).catch(() => [] as string[]);
  await Promise.all([
    fs.rm(path.join(speakersDir(), stored), { force: true }),
    ...sizes.filter((f) => f.startsWith(`${base}-`)).map((f) => fs.rm(path.join(variantsDir(), f), { force: true })),
  ]);
}
