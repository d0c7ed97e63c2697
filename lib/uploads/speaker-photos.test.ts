import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteSpeakerPhoto, speakerPhotoVariant, storeSpeakerPhoto } from "./speaker-photos";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-uploads-"));

beforeAll(() => {
  process.env.UPLOADS_DIR = dir;
});
afterAll(() => {
  delete process.env.UPLOADS_DIR;
  fs.rmSync(dir, { recursive: true, force: true });
});

const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#2a6f97" } });

describe("storeSpeakerPhoto", () => {
  it("re-encodes to WebP under a name of its own, without the camera's metadata", async () => {
    const jpeg = await picture(2000, 1000)
      .jpeg()
      .withMetadata({ exif: { IFD0: { Artist: "Someone", ImageDescription: "GPS and all" } } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const name = await storeSpeakerPhoto(7, jpeg, "jpeg");
    expect(name).toMatch(/^7-[0-9a-f]{16}\.webp$/);
    const stored = fs.readFileSync(path.join(dir, "speakers", name!));
    const meta = await sharp(stored).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(["webp", 1024, 512, undefined]);
  });

  it("refuses bytes that only start like an image, or are another type than claimed", async () => {
    const png = await picture(10, 10).png().toBuffer();
    expect(await storeSpeakerPhoto(7, Buffer.concat([png.subarray(0, 8), Buffer.from("not really")]), "png")).toBeNull();
    expect(await storeSpeakerPhoto(7, png, "jpeg")).toBeNull();
  });

  it("refuses a small file that claims a vast canvas", async () => {
    // A real PNG whose header is rewritten to claim 10000 × 10000 pixels: a decompression bomb's shape.
    const png = await picture(16, 16).png().toBuffer();
    const header = png.subarray(12, 29); // "IHDR" and its 13 bytes
    header.writeUInt32BE(10_000, 4);
    header.writeUInt32BE(10_000, 8);
    png.writeUInt32BE(zlib.crc32(header), 29);
    expect((await sharp(png).metadata()).width).toBe(10_000);
    expect(await storeSpeakerPhoto(7, png, "png")).toBeNull();
  });
});

describe("speakerPhotoVariant", () => {
  it("serves a fixed width made once, and nothing for unknown or malformed names", async () => {
    const name = (await storeSpeakerPhoto(8, await picture(600, 300).png().toBuffer(), "png"))!;
    const small = await speakerPhotoVariant(name, 96);
    expect((await sharp(small!).metadata()).width).toBe(96);
    expect(fs.readdirSync(path.join(dir, "speakers", "sizes"))).toContain(name.replace(".webp", "-96.webp"));
    expect(await speakerPhotoVariant("8-0000000000000000.webp", 96)).toBeNull();
    expect(await speakerPhotoVariant("../../etc/passwd", 96)).toBeNull();

    await deleteSpeakerPhoto(name);
    expect(await speakerPhotoVariant(name, 96)).toBeNull();
    expect(fs.readdirSync(path.join(dir, "speakers", "sizes"))).not.toContain(name.replace(".webp", "-96.webp"));
  });
});
