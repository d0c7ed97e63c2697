import http from "node:http";
import { gunzipSync } from "node:zlib";
import { type Page } from "@playwright/test";
import { expect, test } from "./support/console";

// Every response a browser can take compressed goes out compressed (server.mjs with
// server/compress-response.mjs), and the page copy of pages rendered ahead keeps its compressed
// bytes. Playwright's request API decodes bodies, so these requests go through node's http module
// to see the bytes as they cross the wire.

const port = Number(process.env.E2E_PORT || 3100);

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

function raw(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** The Cookie header of a signed-in console page, for requests made outside its browser. */
async function cookieOf(page: Page): Promise<Record<string, string>> {
  const cookies = await page.context().cookies();
  return { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") };
}

/**
 * Fetches `path` plain and with Accept-Encoding: gzip, checks that the second is gzip, says it
 * varies, is at most `ratio` of the plain size, and decodes to a body of the same kind.
 */
async function expectGzip(path: string, headers: Record<string, string> = {}, ratio = 0.5) {
  const plain = await raw(path, headers);
  const gzip = await raw(path, { ...headers, "accept-encoding": "gzip" });
  expect(plain.status, path).toBe(200);
  expect(gzip.status, path).toBe(200);
  // Without Accept-Encoding the body is identity.
  expect(plain.headers["content-encoding"], path).toBeUndefined();
  expect(gzip.headers["content-encoding"], path).toBe("gzip");
  expect(gzip.headers.vary, path).toMatch(/accept-encoding/i);
  expect(plain.headers.vary, path).toMatch(/accept-encoding/i);
  expect(gzip.headers["content-type"], path).toBe(plain.headers["content-type"]);
  if (gzip.headers["content-length"] !== undefined) expect(Number(gzip.headers["content-length"]), path).toBe(gzip.body.length);
  expect(gzip.body.length, `${path}: ${gzip.body.length} of ${plain.body.length} bytes`).toBeLessThan(plain.body.length * ratio);
  const decoded = gunzipSync(gzip.body);
  return { plain, gzip, decoded: decoded.toString("utf8"), text: plain.body.toString("utf8") };
}

test.describe("compressed responses", () => {
  test("a page rendered ahead is sent from the page copy compressed, the same page as the plain one", async () => {
    // The first request may be the one that fills the page copy; the later ones are served from it.
    await raw("/en/agenda", { "accept-encoding": "gzip" });
    const { gzip, plain, decoded, text } = await expectGzip("/en/agenda", {}, 0.3);
    expect(gzip.headers["x-forum-cache"]).toBe("HIT");
    expect(decoded).toBe(text);
    // The compressed copy has its own validator: weak, so a browser's If-None-Match still matches.
    if (plain.headers.etag) expect(gzip.headers.etag).toBe(`W/${plain.headers.etag.replace(/^W\//, "")}`);
    // Brotli for the clients that take it, also from the copy once it is made (gzip until then).
    await expect.poll(async () => (await raw("/en/agenda", { "accept-encoding": "gzip, br" })).headers["content-encoding"]).toBe("br");
    const br = await raw("/en/agenda", { "accept-encoding": "gzip, br" });
    expect(br.headers["x-forum-cache"]).toBe("HIT");
    expect(br.body.length).toBeLessThan(gzip.body.length);
  });

  test("a page rendered per request is compressed, with its CSP listing its inline scripts", async () => {
    const { gzip, decoded } = await expectGzip("/en/register", {}, 0.4);
    expect(gzip.headers["x-forum-cache"]).toBeUndefined();
    expect(decoded).toMatch(/^<!DOCTYPE html>/i);
    expect(decoded).toContain("</html>");
    expect(gzip.headers["content-security-policy"]).toMatch(/script-src 'self' 'sha256-/);
  });

  test("a console page is compressed for the signed-in organizer", async ({ organizerPage }) => {
    const auth = await cookieOf(organizerPage);
    const { decoded } = await expectGzip("/en/admin", auth, 0.4);
    expect(decoded).toMatch(/^<!DOCTYPE html>/i);
  });

  test("JSON, the calendar and the XML schedule are compressed", async () => {
    const json = await expectGzip("/schedule.json", {}, 0.4);
    expect(JSON.parse(json.decoded)).toEqual(JSON.parse(json.text));
    const api = await expectGzip("/api/v1/sessions", {}, 0.4);
    expect(JSON.parse(api.decoded)).toEqual(JSON.parse(api.text));
    const ics = await expectGzip("/agenda.ics", {}, 0.4);
    expect(ics.decoded).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics.decoded).toContain("END:VCALENDAR");
    const xml = await expectGzip("/schedule.xml", {}, 0.4);
    expect(xml.decoded).toMatch(/^<\?xml/);
  });

  test("the attendee export is compressed as CSV, and the spreadsheet, a zip already, is not", async ({ organizerPage, request }) => {
    // Enough attendees that the export is worth compressing, whatever else the database holds.
    for (let i = 0; i < 10; i++) {
      const data = {
        fullName: `Compression Attendee ${i}`,
        email: `${crypto.randomUUID()}@example.test`,
        organisation: "Example Motors",
        jobTitle: "Head of Strategy",
        category: "industry",
        days: ["2024-07-11"],
        consent: true,
      };
      expect((await request.post("/api/v1/registrations", { data })).status()).toBe(201);
    }
    const auth = await cookieOf(organizerPage);
    const csv = await expectGzip("/en/admin/attendees/export.csv", auth, 0.5);
    expect(csv.decoded.split("\n")[0]).toBe(csv.text.split("\n")[0]);
    const xlsx = await raw("/en/admin/attendees/export.xlsx", { ...auth, "accept-encoding": "gzip" });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers["content-encoding"]).toBeUndefined();
    expect(xlsx.body.subarray(0, 2).toString()).toBe("PK");
  });

  test("a client that refuses gzip with q=0, or asks with HEAD, gets no coding", async () => {
    const refused = await raw("/en/register", { "accept-encoding": "gzip;q=0, deflate" });
    expect(refused.headers["content-encoding"]).toBeUndefined();
    expect(refused.body.toString("utf8")).toMatch(/^<!DOCTYPE html>/i);
    const head = await raw("/schedule.json", { "accept-encoding": "gzip" }, "HEAD");
    expect(head.headers["content-encoding"]).toBeUndefined();
  });

  test("in the browser, pages and client navigations arrive compressed and work", async ({ page }) => {
    // A client navigation fetches an RSC payload (or its prefetch did), streamed through the compressor.
    const payload = page.waitForResponse((response) => response.request().headers()["rsc"] === "1" && new URL(response.url()).pathname === "/en/agenda");
    const first = await page.goto("/en/register");
    expect(await first?.headerValue("content-encoding")).toMatch(/gzip|br/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.getByRole("link", { name: "Agenda", exact: true }).first().click();
    await expect(page).toHaveURL(/\/en\/agenda$/);
    expect(await (await payload).headerValue("content-encoding")).toMatch(/gzip|br/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
});
