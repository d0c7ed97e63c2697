/** The fonts of every PDF the server writes: Noto Sans CJK, so that Chinese prints as characters. */
import fs from "node:fs";

export type PdfFonts = { regular: { path: string; family: string }; bold: { path: string; family: string } };

// Debian's fonts-noto-cjk: one collection per weight; pdfkit picks a face by its PostScript name.
const FONT_DIR = process.env.BADGE_FONT_DIR || "/usr/share/fonts/opentype/noto";
export const PDF_FONTS: PdfFonts = {
  regular: { path: `${FONT_DIR}/NotoSansCJK-Regular.ttc`, family: "NotoSansCJKsc-Regular" },
  bold: { path: `${FONT_DIR}/NotoSansCJK-Bold.ttc`, family: "NotoSansCJKsc-Bold" },
};

/** The fonts installed on this server (the regular weight standing in for a missing bold), or null. */
export function installedPdfFonts(): PdfFonts | null {
  if (!fs.existsSync(/* turbopackIgnore: true */ PDF_FONTS.regular.path)) return null;
  return fs.existsSync(/* turbopackIgnore: true */ PDF_FONTS.bold.path) ? PDF_FONTS : { ...PDF_FONTS, bold: PDF_FONTS.regular };
}
