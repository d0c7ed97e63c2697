/** A certificate of attendance on one A4 page, in English and in Chinese, with its verification code. */
import PDFDocument from "pdfkit";
import type { PdfFonts } from "../pdf/fonts";

/** One language's text, translated and filled in by the caller. */
export type CertificateText = {
  title: string;
  /** "This is to certify that" */
  certify: string;
  /** "attended the China Auto Forum 2024, …, on these days:" */
  attended: string;
  /** The days, formatted in this language. */
  days: string;
  /** "Verification code: …, at …" */
  verification: string;
};

export type Certificate = {
  fullName: string;
  altName: string | null;
  en: CertificateText;
  zh: CertificateText;
  /** For the document's properties. */
  heading: string;
};

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 64;

export function renderCertificate(certificate: Certificate, fonts: PdfFonts): Promise<Buffer> {
  // font: null, so that pdfkit does not load Helvetica: every glyph comes from the CJK font.
  const doc = new PDFDocument({ size: A4, margin: MARGIN, font: null as unknown as string });
  doc.info.Title = certificate.heading;
  doc.registerFont("regular", fonts.regular.path, fonts.regular.family);
  doc.registerFont("bold", fonts.bold.path, fonts.bold.family);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const width = A4[0] - 2 * MARGIN;
  doc.rect(MARGIN / 2, MARGIN / 2, A4[0] - MARGIN, A4[1] - MARGIN).lineWidth(2).strokeColor("#1e3a8a").stroke();
  doc.y = MARGIN + 10;
  for (const [index, text] of [certificate.en, certificate.zh].entries()) {
    if (index > 0) {
      doc.moveDown(1.5);
      doc.moveTo(MARGIN + 40, doc.y).lineTo(A4[0] - MARGIN - 40, doc.y).lineWidth(0.5).strokeColor("#94a3b8").stroke();
      doc.moveDown(1.5);
    }
    doc.font("bold").fontSize(24).fillColor("#1e3a8a").text(text.title, MARGIN, doc.y, { width, align: "center" });
    doc.moveDown(0.8);
    doc.font("regular").fontSize(12).fillColor("#334155").text(text.certify, { width, align: "center" });
    doc.moveDown(0.4);
    doc.font("bold").fontSize(22).fillColor("#0f172a").text(certificate.fullName, { width, align: "center" });
    if (certificate.altName) doc.font("regular").fontSize(14).fillColor("#1e293b").text(certificate.altName, { width, align: "center" });
    doc.moveDown(0.4);
    doc.font("regular").fontSize(12).fillColor("#334155").text(text.attended, { width, align: "center" });
    doc.moveDown(0.3);
    doc.font("bold").fontSize(12).fillColor("#0f172a").text(text.days, { width, align: "center" });
  }
  doc.font("regular").fontSize(9).fillColor("#334155");
  const footer = `${certificate.en.verification}\n${certificate.zh.verification}`;
  doc.text(footer, MARGIN, A4[1] - MARGIN - doc.heightOfString(footer, { width }) - 8, { width, align: "center" });
  doc.end();
  return done;
}
