// @ts-check
// Screenshots of pages for a person to look at: node scripts/screenshots.mjs [baseURL] [outDir] [path...]
import { chromium } from "@playwright/test";

const [base = "http://localhost:3000", out = "/tmp/shots", ...paths] = process.argv.slice(2);
const targets = paths.length ? paths : ["/en", "/zh-CN/agenda", "/en/agenda", "/en/quotes"];
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
});
for (const [name, viewport] of /** @type {Array<[string, { width: number, height: number }]>} */ ([
  ["desktop", { width: 1280, height: 900 }],
  ["phone", { width: 390, height: 844 }],
])) {
  const page = await browser.newPage({ viewport, timezoneId: "America/New_York" });
  for (const p of targets) {
    await page.goto(base + p, { waitUntil: "networkidle" });
    const file = `${out}/${name}${p.replace(/[/?=&%]+/g, "_")}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await page.close();
}
await browser.close();
