/** PDFs for the tests, made with pdfkit: a good deck, encrypted ones, a truncated one. */
import PDFDocument from "pdfkit";
import sharp from "sharp";

export function makePdf(options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: [960, 540], ...options });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.rect(0, 0, 960, 540).fill("#0b3954");
    doc.fillColor("#ffffff").fontSize(48).text("Battery supply chains", 60, 200);
    doc
      .addPage({ size: [960, 540] })
      .fontSize(32)
      .text("Second slide", 60, 60);
    doc.end();
  });
}

/** Opens only with the password. */
export const encryptedPdf = () => makePdf({ userPassword: "secret", ownerPassword: "owner" });
/** Opens without a password, but forbids copying: encrypted all the same. */
export const permissionsPdf = () =>
  makePdf({ ownerPassword: "owner", permissions: { copying: false } });
export const truncatedPdf = async () => {
  const good = await makePdf();
  return good.subarray(0, Math.floor(good.length / 2));
};
/** A PNG named slides.pdf. */
export const pngBytes = () =>
  sharp({ create: { width: 32, height: 32, channels: 3, background: "#336699" } })
    .png()
    .toBuffer();
