// @ts-check
// `npm run bench:lighthouse`: Lighthouse 12.2.3 in Debian's Chromium, mobile emulation, three runs
// a page, median score of each category, against the production build on a fresh database.
// BENCH_SKIP_BUILD=1 reuses the build in .next-bench; BENCH_RUNS changes the number of runs.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { startProductionServer } from "./lib/prod-server.mjs";

const RUNS = Number(process.env.BENCH_RUNS || 3);
const PAGES = ["/en", "/en/agenda", "/en/speakers/wang-yao", "/en/quotes"];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const TARGET = { performance: 95, accessibility: 100, "best-practices": 95, seo: 95 };

const server = await startProductionServer({
  port: 3204,
  db: "./data/bench-lighthouse.db",
  distDir: ".next-bench",
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
});
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = [];
try {
  for (const path of PAGES) {
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, []]));
    for (let run = 0; run < RUNS; run++) {
      const result = await lighthouse(server.url + path, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES });
      for (const c of CATEGORIES) scores[c].push(Math.round((result.lhr.categories[c]?.score ?? 0) * 100));
      if (run === 0) {
        const failing = Object.values(result.lhr.audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === "binary");
        if (failing.length) console.log(`${path}: audits not passed: ${failing.map((a) => a.id).join(", ")}`);
      }
    }
    rows.push({ path, ...Object.fromEntries(CATEGORIES.map((c) => [c, median(scores[c])])) });
  }
} finally {
  await chrome.kill();
  server.stop();
}

console.log(`\nLighthouse 12.2.3, mobile emulation, median of ${RUNS} runs\n`);
console.log(`| page | ${CATEGORIES.join(" | ")} |`);
console.log(`|---|${CATEGORIES.map(() => "---:").join("|")}|`);
for (const row of rows) console.log(`| ${row.path} | ${CATEGORIES.map((c) => row[c]).join(" | ")} |`);
const missed = rows.flatMap((row) => CATEGORIES.filter((c) => row[c] < TARGET[c]).map((c) => `${row.path} ${c} ${row[c]} < ${TARGET[c]}`));
console.log(missed.length ? `\nTarget NOT met: ${missed.join("; ")}` : "\nTarget met: performance ≥ 95, accessibility 100, best practices ≥ 95, SEO ≥ 95 on every page.");
process.exit(0);
