import { describe, expect, it } from "vitest";
import {
  MAX_PHOTO_BYTES,
  checkPhotoUpload,
  isSuspiciousFileName,
  parsePhotoVariant,
  photoFileName,
  photoUrl,
  sniffImageType,
} from "./photo";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

const PNG = bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF");
const WEBP = bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 ");

describe("sniffImageType", () => {
  it("knows JPEG, PNG and WebP by their first bytes", () => {
    expect(sniffImageType(JPEG)).toBe("jpeg");
    expect(sniffImageType(PNG)).toBe("png");
    expect(sniffImageType(WEBP)).toBe("webp");
  });

  it("refuses text, other images and truncated headers", () => {
    expect(sniffImageType(bytes("hello, I am a text file named photo.png"))).toBeNull();
    expect(sniffImageType(bytes("GIF89a"))).toBeNull();
    expect(sniffImageType(bytes("<svg xmlns"))).toBeNull();
    expect(sniffImageType(bytes("RIFF", [0, 0, 0, 0], "WAVE"))).toBeNull();
    expect(sniffImageType(PNG.slice(0, 4))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});

describe("checkPhotoUpload", () => {
  const upload = (over: Partial<{ name: string; size: number; head: Uint8Array }> = {}) => ({
    name: "me.png",
    size: 1000,
    head: PNG,
    ...over,
  });

  it("accepts an image whatever its name says", () => {
    expect(checkPhotoUpload(upload())).toEqual({ ok: true, type: "png" });
    expect(checkPhotoUpload(upload({ name: "portrait.txt", head: JPEG }))).toEqual({ ok: true, type: "jpeg" });
  });

  it("gives each refusal its own reason", () => {
    expect(checkPhotoUpload(null)).toEqual({ ok: false, error: "photoMissing" });
    expect(checkPhotoUpload(upload({ size: 0 }))).toEqual({ ok: false, error: "photoMissing" });
    expect(checkPhotoUpload(upload({ size: MAX_PHOTO_BYTES + 1 }))).toEqual({ ok: false, error: "photoTooLarge" });
    expect(checkPhotoUpload(upload({ size: MAX_PHOTO_BYTES }))).toEqual({ ok: true, type: "png" });
    expect(checkPhotoUpload(upload({ name: "../../etc/passwd.png" }))).toEqual({ ok: false, error: "photoBadName" });
    expect(checkPhotoUpload(upload({ name: "notes.png", head: bytes("plain text") }))).toEqual({
      ok: false,
      error: "photoNotImage",
    });
  });
});

describe("isSuspiciousFileName", () => {
  it("flags folder climbing, separators and control characters", () => {
    for (const name of ["../a.png", "..\\a.png", "a/b.png", "..", "a\0.png", "a\nb.png", "x".repeat(256)]) {
      expect(isSuspiciousFileName(name), name).toBe(true);
    }
    for (const name of ["photo.png", "Wang Yao (2024).JPG", "照片.webp", "a.b.c.jpeg", "50% off.png"]) {
      expect(isSuspiciousFileName(name), name).toBe(false);
    }
  });

  it("flags climbing written percent-encoded, and names whose bytes were not UTF-8", () => {
    for (const name of ["%2e%2e%2fa.png", "%2E%2E%5Ca.png", "a%00.png", "face\ufffd.png", "a\u0085b.png"]) {
      expect(isSuspiciousFileName(name), name).toBe(true);
    }
  });
});

describe("photo names", () => {
  it("round-trips a stored name through its served variants", () => {
    const stored = photoFileName(12, "0123456789abcdef");
    expect(stored).toBe("12-0123456789abcdef.webp");
    expect(photoUrl(stored, 240)).toBe("/files/speakers/12-0123456789abcdef-240.webp");
    expect(parsePhotoVariant("12-0123456789abcdef-240.webp")).toEqual({ stored, width: 240 });
  });

  it("serves only the fixed widths and well-formed names", () => {
    expect(parsePhotoVariant("12-0123456789abcdef-241.webp")).toBeNull();
    expect(parsePhotoVariant("12-0123456789abcdef.webp")).toBeNull();
    expect(parsePhotoVariant("..%2F12-0123456789abcdef-240.webp")).toBeNull();
    expect(parsePhotoVariant("12-0123456789ABCDEF-240.webp")).toBeNull();
    expect(parsePhotoVariant("0-0123456789abcdef-240.webp")).toBeNull();
  });
});
