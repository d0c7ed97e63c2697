/** Renders badges to a PDF with an embedded CJK font, so that Chinese names print as characters. */
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { PdfFonts } from "../pdf/fonts";
import type { BadgeLayout } from "./filters";
import { CATEGORY_COLORS, fitSize, pageSize, perPage, slot, type Slot } from "./layout";

export type Badge = {
  fullName: string;
  altName: string | null;
  organisation: string;
  category: string;
  /** The category's name as printed on the band, e.g. "Industry · 企业". */
  categoryLabel: string;
  code: string;
  /** The signed ticket token: the same QR as the attendee's ticket. */
  qr: string;
};

const MARGIN = 18;
const BAND = 46;
const QR = 112;

export async function renderBadges(badges: Badge[], layout: BadgeLayout, fonts: PdfFonts, heading: string): Promise<Buffer> {
  const size = pageSize(layout);
  // font: null, so that pdfkit does not load Helvetica: every glyph comes from the CJK font.
  const doc = new PDFDocument({ size: [size.width, size.height], margin: 0, autoFirstPage: false, font: null as unknown as string });
  doc.info.Title = heading;
  doc.registerFont("regular", fonts.regular.path, fonts.regular.family);
  doc.registerFont("bold", fonts.bold.path, fonts.bold.family);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  for (const [index, badge] of badges.entries()) {
    const place = slot(layout, index);
    if (index % perPage(layout) === 0) {
      doc.addPage({ size: [size.width, size.height], margin: 0 });
      if (layout === "a4x4") cutLines(doc, size);
    }
    const qr = await QRCode.toBuffer(badge.qr, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 336 });
    drawBadge(doc, place, badge, qr, heading);
  }
  doc.end();
  return done;
}

function cutLines(doc: PDFKit.PDFDocument, size: { width: number; height: number }) {
  doc.save().lineWidth(0.5).dash(4, { space: 4 }).strokeColor("#94a3b8");
  doc.moveTo(size.width / 2, 0).lineTo(size.width / 2, size.height).stroke();
  doc.moveTo(0, size.height / 2).lineTo(size.width, size.height / 2).stroke();
  doc.undash().restore();
}

function drawBadge(doc: PDFKit.PDFDocument, s: Slot, badge: Badge, qr: Buffer, heading: string) {
  const x = s.x + MARGIN;
  const width = s.width - 2 * MARGIN;
  let y = s.y + MARGIN;
  doc.font("regular").fontSize(9).fillColor("#334155").text(heading, x, y, { width, align: "center", lineBreak: false });
  y += 24;

  doc.font("bold");
  const nameSize = fitSize((n) => doc.fontSize(n).widthOfString(badge.fullName), width, 30, 18);
  doc.fontSize(nameSize).fillColor("#0f172a").text(badge.fullName, x, y, { width, align: "center", height: nameSize * 3.1, ellipsis: true });
  y = doc.y + 2;
  if (badge.altName) {
    doc.font("regular");
    const altSize = fitSize((n) => doc.fontSize(n).widthOfString(badge.altName!), width, 20, 11);
    doc.fontSize(altSize).fillColor("#1e293b").text(badge.altName, x, y, { width, align: "center", height: altSize * 3.1, ellipsis: true });
    y = doc.y + 2;
  }
  doc.font("regular").fontSize(13).fillColor("#334155").text(badge.organisation, x, y + 4, { width, align: "center", height: 36, ellipsis: true });

  const bandTop = s.y + s.height - MARGIN - BAND;
  const qrTop = bandTop - QR - 22;
  doc.image(qr, s.x + (s.width - QR) / 2, qrTop, { width: QR, height: QR });
  doc.font("regular").fontSize(9).fillColor("#334155").text(badge.code, x, qrTop + QR + 4, { width, align: "center", lineBreak: false });

  doc.rect(s.x + MARGIN, bandTop, width, BAND).fill(CATEGORY_COLORS[badge.category] ?? CATEGORY_COLORS.other!);
  doc.font("bold").fontSize(16).fillColor("#ffffff").text(badge.categoryLabel, x, bandTop + (BAND - 20) / 2, { width, align: "center", lineBreak: false });
}
