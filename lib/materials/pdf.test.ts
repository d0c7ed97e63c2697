import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { inspectPdf, PREVIEW_WIDTH } from "./pdf";
import { checkSlidesUpload, formatFileSize, isPdfMagic, MAX_SLIDES_BYTES } from "./slides";
import { encryptedPdf, makePdf, permissionsPdf, pngBytes, truncatedPdf } from "./test-pdfs";

const upload = (bytes: Uint8Array, name = "slides.pdf") => ({
  name,
  size: bytes.byteLength,
  head: bytes.subarray(0, 16),
});

describe("what a slides upload may be", () => {
  it("takes a PDF by its bytes", async () => {
    const pdf = await makePdf();
    expect(isPdfMagic(pdf)).toBe(true);
    expect(checkSlidesUpload(upload(pdf))).toEqual({ ok: true });
    // The name says nothing either way.
    expect(checkSlidesUpload(upload(pdf, "deck.png"))).toEqual({ ok: true });
  });

  it("refuses a PNG named .pdf", async () => {
    expect(checkSlidesUpload(upload(await pngBytes(), "slides.pdf"))).toEqual({
      ok: false,
      error: "slidesNotPdf",
    });
  });

  it("refuses an empty file, one over 50 MB, and a name that climbs out of a folder", async () => {
    const pdf = await makePdf();
    expect(checkSlidesUpload(upload(new Uint8Array()))).toEqual({
      ok: false,
      error: "slidesMissing",
    });
    expect(checkSlidesUpload({ ...upload(pdf), size: MAX_SLIDES_BYTES + 1 })).toEqual({
      ok: false,
      error: "slidesTooLarge",
    });
    expect(checkSlidesUpload({ ...upload(pdf), size: MAX_SLIDES_BYTES })).toEqual({ ok: true });
    expect(checkSlidesUpload(upload(pdf, "../../etc/passwd.pdf"))).toEqual({
      ok: false,
      error: "slidesBadName",
    });
  });

  it("writes the size as readers count it", () => {
    expect(formatFileSize(2_400_000, "en")).toBe("2.4 MB");
    expect(formatFileSize(850_000, "en")).toBe("850 kB");
    expect(formatFileSize(512, "en")).toBe("512 byte");
  });
});

describe("parsing the PDF", () => {
  it("counts the pages of a good PDF and renders its first page to a WebP", async () => {
    const result = await inspectPdf(await makePdf());
    if (!result.ok) throw new Error(result.error);
    expect(result.pages).toBe(2);
    const meta = await sharp(result.preview).metadata();
    expect(meta.format).toBe("webp");
    expect(meta.width).toBe(PREVIEW_WIDTH * 2);
    expect(meta.height).toBe(PREVIEW_WIDTH * 2 * (540 / 960));
    // The first slide is dark blue, not a blank page: the render drew it.
    const { dominant } = await sharp(result.preview).stats();
    expect(dominant.b).toBeGreaterThan(dominant.r);
    expect(dominant.r + dominant.g + dominant.b).toBeLessThan(400);
  });

  it("refuses an encrypted PDF, with or without a password to open it", async () => {
    expect(await inspectPdf(await encryptedPdf())).toEqual({ ok: false, error: "slidesEncrypted" });
    expect(await inspectPdf(await permissionsPdf())).toEqual({
      ok: false,
      error: "slidesEncrypted",
    });
  });

  it("refuses a truncated PDF and a PNG", async () => {
    expect(await inspectPdf(await truncatedPdf())).toEqual({ ok: false, error: "slidesBroken" });
    expect(await inspectPdf(await pngBytes())).toEqual({ ok: false, error: "slidesBroken" });
  });

  it("leaves the caller's bytes intact", async () => {
    const pdf = await makePdf();
    const copy = Buffer.from(pdf);
    await inspectPdf(pdf);
    expect(Buffer.compare(pdf, copy)).toBe(0);
  });
});
