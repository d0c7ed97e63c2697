import { describe, expect, it } from "vitest";
import { checkVideoUpload, mp4DurationSeconds, sniffVideoType } from "./video";

function box(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + body.length);
  new DataView(out.buffer).setUint32(0, out.length);
  out.set(
    [...type].map((c) => c.charCodeAt(0)),
    4,
  );
  out.set(body, 8);
  return out;
}

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** An MP4 skeleton: ftyp, a media box, then the movie box with its header (as files written without "faststart" have it). */
function mp4(timescale: number, duration: number): Uint8Array {
  const mvhd = new Uint8Array(100);
  const view = new DataView(mvhd.buffer);
  view.setUint32(12, timescale);
  view.setUint32(16, duration);
  return concat(
    box("ftyp", new TextEncoder().encode("isom\0\0\0\0isom")),
    box("mdat", new Uint8Array(1000)),
    box("moov", box("mvhd", mvhd)),
  );
}

const reader = (bytes: Uint8Array) => async (offset: number, length: number) =>
  bytes.subarray(offset, offset + length);

describe("uploaded recordings", () => {
  it("knows MP4 and WebM by their bytes, and nothing else", () => {
    expect(sniffVideoType(mp4(1000, 1000))).toBe("mp4");
    expect(sniffVideoType(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0]))).toBe("webm");
    expect(sniffVideoType(new TextEncoder().encode("%PDF-1.7 video.mp4"))).toBeNull();
    const head = new TextEncoder().encode("%PDF-1.7 sixteen");
    expect(checkVideoUpload({ name: "talk.mp4", size: 1000, head })).toEqual({
      ok: false,
      error: "videoNotVideo",
    });
  });

  it("reads an MP4's length from its movie header, wherever the header is", async () => {
    const file = mp4(600, 600 * 3723.2);
    expect(await mp4DurationSeconds(reader(file), file.length)).toBe(3724);
  });

  it("gives no length for a file without a movie header, or with broken boxes", async () => {
    const noMoov = concat(box("ftyp", new Uint8Array(8)), box("mdat", new Uint8Array(10)));
    expect(await mp4DurationSeconds(reader(noMoov), noMoov.length)).toBeNull();
    const broken = new Uint8Array(64);
    new DataView(broken.buffer).setUint32(0, 4); // smaller than its own header
    expect(await mp4DurationSeconds(reader(broken), broken.length)).toBeNull();
  });
});
