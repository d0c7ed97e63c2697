import type { APIRequestContext } from "@playwright/test";
import fs from "node:fs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { expect, test } from "./support/console";

// Badges: a PDF with an embedded CJK font, for the attendee list's filters; organizers only.

async function register(request: APIRequestContext, fullName: string) {
  const response = await request.post("/api/v1/registrations", {
    data: {
      fullName,
      email: `${crypto.randomUUID()}@example.test`,
      organisation: "上海示例汽车 Example Motors",
      jobTitle: "Engineer",
      category: "government",
      days: ["2024-07-11"],
      consent: true,
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { code: string; status: string };
}

async function pdfText(data: Uint8Array) {
  const doc = await getDocument({ data, useSystemFonts: false }).promise;
  const pages: { text: string; width: number; height: number }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const [, , width, height] = page.view as [number, number, number, number];
    pages.push({ text: content.items.map((item) => ("str" in item ? item.str : "")).join(" "), width, height });
  }
  await doc.destroy();
  return pages;
}

test("organizers download badges with Chinese names, for the filtered attendees", async ({ organizerPage: page }) => {
  const tag = crypto.randomUUID().slice(0, 8);
  const name = `王小明 ${tag}`;
  const person = await register(page.request, name);
  expect(person.status).toBe("confirmed");

  await page.goto("/en/admin/badges");
  await page.getByLabel("Name, email, organisation or code").fill(tag);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("1 badge", { exact: true })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the PDF" }).click();
  const file = await (await download).path();
  const bytes = new Uint8Array(fs.readFileSync(file));
  expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");

  const pages = await pdfText(bytes);
  expect(pages).toHaveLength(1);
  // A6 portrait, in points.
  expect([Math.round(pages[0]!.width), Math.round(pages[0]!.height)]).toEqual([298, 420]);
  expect(pages[0]!.text).toContain(name);
  expect(pages[0]!.text).toContain("上海示例汽车 Example Motors");
  expect(pages[0]!.text).toContain("Government · 政府");
  expect(pages[0]!.text).toContain(person.code);
});

test("four badges to an A4 page, and the filters of the attendee list", async ({ organizerPage: page }) => {
  const tag = crypto.randomUUID().slice(0, 8);
  const people = [];
  for (let i = 0; i < 5; i++) people.push(await register(page.request, `李四 ${tag} ${i}`));
  const response = await page.request.get(`/api/admin/badges?layout=a4x4&q=${tag}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const pages = await pdfText(new Uint8Array(await response.body()));
  expect(pages.map((p) => [Math.round(p.width), Math.round(p.height)])).toEqual([
    [595, 842],
    [595, 842],
  ]);
  const text = pages.map((p) => p.text).join(" ");
  for (let i = 0; i < 5; i++) expect(text).toContain(`李四 ${tag} ${i}`);

  // Another category prints none of them.
  expect((await page.request.get(`/api/admin/badges?category=media&q=${tag}`)).status()).toBe(404);
});

test("staff are refused the badges page and the PDF", async ({ staffPage: page }) => {
  const response = await page.goto("/en/admin/badges");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  expect((await page.request.get("/api/admin/badges")).status()).toBe(403);
});
