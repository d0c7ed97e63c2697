/**
 * Opens a PDF with pdf.js to decide whether it can be published (not encrypted, not broken), and
 * renders its first page for the preview. Runs on the server, in Node: pdf.js draws with
 * @napi-rs/canvas there, and sharp makes the WebP.
 */
import path from "node:path";
import sharp from "sharp";
import type { SlidesError } from "./slides";

/** The preview's width in CSS pixels, and the width it is rendered at (twice, for sharp screens). */
export const PREVIEW_WIDTH = 480;
const RENDER_WIDTH = PREVIEW_WIDTH * 2;
/** A page that claims a vast size must not allocate a vast canvas. */
const MAX_RENDER_PIXELS = RENDER_WIDTH * RENDER_WIDTH * 4;

/**
 * pdf.js reads its standard fonts (Helvetica and the other 13) from files: without them, text in a
 * PDF that does not embed its fonts would be missing from the preview. The package is installed
 * beside the app (next.config.js keeps it external); the bundler must not resolve this path itself.
 */
const standardFontDataUrl = () =>
  path.join(
    /* turbopackIgnore: true */ process.cwd(),
    "node_modules",
    "pdfjs-dist",
    "standard_fonts",
  ) + path.sep;

type PdfDocument = Awaited<ReturnType<typeof open>>;

async function open(bytes: Uint8Array) {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // pdf.js takes ownership of the buffer it is given: a copy keeps the caller's bytes intact.
  return pdfjs.getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: standardFontDataUrl(),
    isEvalSupported: false,
    stopAtErrors: true,
    verbosity: 0,
  }).promise;
}

export type PdfInspection =
  { ok: true; pages: number; preview: Buffer } | { ok: false; error: SlidesError };

/**
 * Parses the PDF and renders its first page to a WebP PREVIEW_WIDTH*2 wide. An encrypted PDF is
 * refused even when it opens without a password (permissions only): readers may be stopped from
 * printing or copying it, which is not what a published slide deck should do.
 */
export async function inspectPdf(bytes: Uint8Array): Promise<PdfInspection> {
  let doc: PdfDocument;
  try {
    doc = await open(bytes);
  } catch (error) {
    return {
      ok: false,
      error:
        error instanceof Error && error.name === "PasswordException"
          ? "slidesEncrypted"
          : "slidesBroken",
    };
  }
  try {
    const { info } = (await doc.getMetadata()) as { info: { EncryptFilterName?: string | null } };
    if (info.EncryptFilterName) return { ok: false, error: "slidesEncrypted" };
    if (doc.numPages < 1) return { ok: false, error: "slidesBroken" };
    const page = await doc.getPage(1);
    const natural = page.getViewport({ scale: 1 });
    const scale = RENDER_WIDTH / natural.width;
    const viewport = page.getViewport({ scale });
    const width = Math.ceil(viewport.width);
    const height = Math.ceil(viewport.height);
    if (!(width > 0 && height > 0) || width * height > MAX_RENDER_PIXELS)
      return { ok: false, error: "slidesBroken" };
    const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
    const { canvas, context } = factory.create(width, height);
    await page.render({ canvasContext: context, viewport }).promise;
    const png = canvas.toBuffer("image/png");
    factory.destroy({ canvas, context });
    const preview = await sharp(png)
      .flatten({ background: "#ffffff" })
      .webp({ quality: 80 })
      .toBuffer();
    return { ok: true, pages: doc.numPages, preview };
  } catch {
    return { ok: false, error: "slidesBroken" };
  } finally {
    await doc.destroy();
  }
}

/** pdf.js's Node canvas factory (over @napi-rs/canvas), which its types do not expose. */
type CanvasFactory = {
  create(
    width: number,
    height: number,
  ): { canvas: { toBuffer(type: "image/png"): Buffer }; context: CanvasRenderingContext2D };
  destroy(pair: { canvas: unknown; context: unknown }): void;
};
