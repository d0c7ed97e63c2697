/**
 * Video files an organizer uploads as a session's recording: MP4 or WebM by their bytes, within a
 * limit; an MP4 says its length in its header (the `mvhd` box), which bounds a quote's moment.
 */
import { isSuspiciousFileName } from "../speakers/photo";

/** A two-hour talk in 1080p is about 2 GB; more is a mistake (or an attack on the disk). */
export const MAX_VIDEO_BYTES = 4 * 1024 * 1024 * 1024;

export type VideoType = "mp4" | "webm";
export type VideoError = "videoMissing" | "videoTooLarge" | "videoBadName" | "videoNotVideo";

export const VIDEO_CONTENT_TYPES: Record<VideoType, string> = {
  mp4: "video/mp4",
  webm: "video/webm",
};

const ascii = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, at + length));

/** MP4 (and QuickTime-family) files start with an `ftyp` box; WebM with the EBML magic. */
export function sniffVideoType(head: Uint8Array): VideoType | null {
  if (head.length >= 12 && ascii(head, 4, 4) === "ftyp") return "mp4";
  if (
    head.length >= 4 &&
    head[0] === 0x1a &&
    head[1] === 0x45 &&
    head[2] === 0xdf &&
    head[3] === 0xa3
  )
    return "webm";
  return null;
}

export function checkVideoUpload(upload: {
  name: string;
  size: number;
  head: Uint8Array;
}): { ok: true; type: VideoType } | { ok: false; error: VideoError } {
  if (upload.size === 0) return { ok: false, error: "videoMissing" };
  if (upload.size > MAX_VIDEO_BYTES) return { ok: false, error: "videoTooLarge" };
  if (isSuspiciousFileName(upload.name)) return { ok: false, error: "videoBadName" };
  const type = sniffVideoType(upload.head);
  return type ? { ok: true, type } : { ok: false, error: "videoNotVideo" };
}

/** Reads `length` bytes at `offset` of the file (fewer at its end). */
export type ReadAt = (offset: number, length: number) => Promise<Uint8Array>;

const u32 = (b: Uint8Array, at: number) =>
  new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(at);
const u64 = (b: Uint8Array, at: number) =>
  Number(new DataView(b.buffer, b.byteOffset, b.byteLength).getBigUint64(at));

/** The boxes between `start` and `end`: their type and where their contents lie. */
async function* boxes(read: ReadAt, start: number, end: number) {
  let at = start;
  for (let n = 0; at + 8 <= end && n < 10_000; n++) {
    const header = await read(at, 16);
    if (header.length < 8) return;
    let size = u32(header, 0);
    let headerSize = 8;
    if (size === 1) {
      if (header.length < 16) return;
      size = u64(header, 8);
      headerSize = 16;
    } else if (size === 0) size = end - at;
    if (size < headerSize || at + size > end) return;
    yield { type: ascii(header, 4, 4), body: at + headerSize, end: at + size };
    at += size;
  }
}

/** The length of an MP4 in whole seconds (rounded up), from its movie header; null if it has none. */
export async function mp4DurationSeconds(read: ReadAt, size: number): Promise<number | null> {
  for await (const box of boxes(read, 0, size)) {
    if (box.type !== "moov") continue;
    for await (const inner of boxes(read, box.body, box.end)) {
      if (inner.type !== "mvhd") continue;
      const b = await read(inner.body, 32);
      const version = b[0];
      const [timescale, duration] =
        version === 1 ? [u32(b, 20), u64(b, 24)] : [u32(b, 12), u32(b, 16)];
      if (!timescale || !Number.isFinite(duration)) return null;
      return Math.ceil(duration / timescale);
    }
    return null;
  }
  return null;
}
