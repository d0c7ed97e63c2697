/**
 * Session materials on disk: UPLOADS_DIR/materials/<hash>.<ext>. An upload streams to a temporary
 * file while it is hashed and counted (a 2 GB video is never held in memory), and is renamed to
 * its content's name once it passed every check; a refused one leaves nothing behind.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { inspectPdf } from "@/lib/materials/pdf";
import { materialFileName, parseMaterialFile, type MaterialExt } from "@/lib/materials/files";
import { checkSlidesUpload, MAX_SLIDES_BYTES, type SlidesError } from "@/lib/materials/slides";
import {
  checkVideoUpload,
  MAX_VIDEO_BYTES,
  mp4DurationSeconds,
  type VideoError,
  type VideoType,
} from "@/lib/materials/video";
import { uploadsDir } from "./speaker-photos";

export const materialsDir = () => path.join(uploadsDir(), "materials");

const HEAD_BYTES = 16;

type Received = { temp: string; size: number; hash: string; head: Uint8Array } | { tooLarge: true };

/** Streams a body to a temporary file, stopping as soon as it passes `limit` bytes. */
async function receive(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Received> {
  await fs.mkdir(materialsDir(), { recursive: true });
  const temp = path.join(materialsDir(), `.upload-${randomBytes(8).toString("hex")}.tmp`);
  const file = await fs.open(/* turbopackIgnore: true */ temp, "w");
  const hash = createHash("sha256");
  const head = new Uint8Array(HEAD_BYTES);
  let size = 0;
  try {
    if (body) {
      const reader = body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (size < HEAD_BYTES) head.set(value.subarray(0, HEAD_BYTES - size), size);
        size += value.byteLength;
        if (size > limit) {
          await reader.cancel().catch(() => {});
          await file.close();
          await fs.rm(temp, { force: true });
          return { tooLarge: true };
        }
        hash.update(value);
        await file.write(value);
      }
    }
    await file.close();
  } catch (error) {
    await file.close().catch(() => {});
    await fs.rm(temp, { force: true });
    throw error;
  }
  return {
    temp,
    size,
    hash: hash.digest("hex"),
    head: head.subarray(0, Math.min(size, HEAD_BYTES)),
  };
}

async function keep(temp: string, name: string): Promise<void> {
  await fs.rename(temp, path.join(materialsDir(), name));
}

async function writeAtomically(name: string, bytes: Buffer): Promise<void> {
  const temp = path.join(materialsDir(), `.write-${randomBytes(6).toString("hex")}.tmp`);
  await fs.writeFile(temp, bytes);
  await keep(temp, name);
}

export type StoredSlides = { file: string; bytes: number; pages: number; preview: string };

/** Receives, checks, parses and stores a slide deck with its preview; or says why not, storing nothing. */
export async function receiveSlides(
  body: ReadableStream<Uint8Array> | null,
  name: string,
  declaredLength: number | null,
): Promise<{ ok: true; slides: StoredSlides } | { ok: false; error: SlidesError }> {
  if (declaredLength !== null && declaredLength > MAX_SLIDES_BYTES)
    return { ok: false, error: "slidesTooLarge" };
  const received = await receive(body, MAX_SLIDES_BYTES);
  if ("tooLarge" in received) return { ok: false, error: "slidesTooLarge" };
  const refuse = async (error: SlidesError) => {
    await fs.rm(received.temp, { force: true });
    return { ok: false as const, error };
  };
  const checked = checkSlidesUpload({ name, size: received.size, head: received.head });
  if (!checked.ok) return refuse(checked.error);
  const inspected = await inspectPdf(await fs.readFile(/* turbopackIgnore: true */ received.temp));
  if (!inspected.ok) return refuse(inspected.error);
  const file = materialFileName(received.hash, "pdf");
  const preview = materialFileName(
    createHash("sha256").update(inspected.preview).digest("hex"),
    "webp",
  );
  await writeAtomically(preview, inspected.preview);
  await keep(received.temp, file);
  return { ok: true, slides: { file, bytes: received.size, pages: inspected.pages, preview } };
}

export type StoredVideo = { file: string; bytes: number; type: VideoType; seconds: number | null };

/** Receives and stores a recording file; its length is read from an MP4's header. */
export async function receiveVideo(
  body: ReadableStream<Uint8Array> | null,
  name: string,
  declaredLength: number | null,
): Promise<{ ok: true; video: StoredVideo } | { ok: false; error: VideoError }> {
  if (declaredLength !== null && declaredLength > MAX_VIDEO_BYTES)
    return { ok: false, error: "videoTooLarge" };
  const received = await receive(body, MAX_VIDEO_BYTES);
  if ("tooLarge" in received) return { ok: false, error: "videoTooLarge" };
  const checked = checkVideoUpload({ name, size: received.size, head: received.head });
  if (!checked.ok) {
    await fs.rm(received.temp, { force: true });
    return { ok: false, error: checked.error };
  }
  let seconds: number | null = null;
  if (checked.type === "mp4") {
    const handle = await fs.open(/* turbopackIgnore: true */ received.temp, "r");
    try {
      seconds = await mp4DurationSeconds(async (offset, length) => {
        const buffer = new Uint8Array(length);
        const { bytesRead } = await handle.read(buffer, 0, length, offset);
        return buffer.subarray(0, bytesRead);
      }, received.size);
    } finally {
      await handle.close();
    }
  }
  const file = materialFileName(received.hash, checked.type satisfies MaterialExt);
  await keep(received.temp, file);
  return { ok: true, video: { file, bytes: received.size, type: checked.type, seconds } };
}

/** A stored file to serve: its path, size and type; null for a name that is not one or is gone. */
export async function openMaterial(
  name: string,
): Promise<{ path: string; size: number; contentType: string } | null> {
  const parsed = parseMaterialFile(name);
  if (!parsed) return null;
  const file = path.join(materialsDir(), parsed.name);
  try {
    const stat = await fs.stat(file);
    return stat.isFile() ? { path: file, size: stat.size, contentType: parsed.contentType } : null;
  } catch {
    return null;
  }
}

/**
 * Removes files no row names any more. Two sessions may hold the same file (the same deck
 * uploaded twice is one file), so the caller says which names are still in use.
 */
export async function deleteMaterialFiles(
  names: readonly (string | null)[],
  stillUsed: (name: string) => boolean,
): Promise<void> {
  await Promise.all(
    names
      .filter((n): n is string => n !== null && parseMaterialFile(n) !== null && !stillUsed(n))
      .map((n) => fs.rm(path.join(materialsDir(), n), { force: true })),
  );
}
