import { describe, expect, it } from "vitest";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { installedPdfFonts } from "../pdf/fonts";
import { newVerificationCode, normaliseVerificationCode } from "./code";
import { renderCertificate } from "./pdf";

describe("verification codes", () => {
  it("are 20 characters of the unambiguous alphabet in groups of four, each one new", () => {
    const codes = new Set(Array.from({ length: 2000 }, newVerificationCode));
    expect(codes.size).toBe(2000);
    for (const code of codes) {
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){4}$/);
      expect(normaliseVerificationCode(code)).toBe(code);
    }
  });

  it("read as typed in any case, and nothing else", () => {
    const code = newVerificationCode();
    expect(normaliseVerificationCode(` ${code.toLowerCase()} `)).toBe(code);
    for (const wrong of ["", "ABCD", `${code}-ABCD`, code.replace(/^./, "0"), code.replaceAll("-", ""), "../../etc/passwd"]) {
      expect(normaliseVerificationCode(wrong), wrong).toBeNull();
    }
  });
});

describe("the certificate", () => {
  // Loading the CJK font takes seconds on a loaded machine.
  it("prints the name, both languages and the code as text a reader can find", { timeout: 30_000 }, async () => {
    const fonts = installedPdfFonts();
    expect(fonts, "fonts-noto-cjk must be installed").not.toBeNull();
    const pdf = await renderCertificate(
      {
        fullName: "Ada Test",
        altName: "艾达",
        heading: "Test Forum",
        en: { title: "Certificate of attendance", certify: "This is to certify that", attended: "attended the Test Forum", days: "Thursday 2 May 2030", verification: "Verification code: ABCD-EFGH" },
        zh: { title: "出席证明", certify: "兹证明", attended: "出席了测试论坛", days: "2030年5月2日", verification: "验证码：ABCD-EFGH" },
      },
      fonts!,
    );
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
    expect(doc.numPages).toBe(1);
    const text = (await (await doc.getPage(1)).getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join("");
    for (const part of ["Certificate of attendance", "Ada Test", "艾达", "出席证明", "兹证明", "Thursday 2 May 2030", "ABCD-EFGH"]) expect(text).toContain(part);
  });
});
