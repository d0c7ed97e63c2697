// @ts-check
// `npm run bench:lighthouse`: Lighthouse 12.2.3 in Debian's Chromium, mobile emulation, three runs
// a page, median score of each category, against the production build on a fresh database.
// BENCH_SKIP_BUILD=1 reuses the build in .next-bench; BENCH_RUNS changes the number of runs.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { percentile } from "./lib/percentile.mjs";
import { startProductionServer } from "./lib/prod-server.mjs";
import { positiveInteger } from "./lib/script-env.mjs";

const RUNS = positiveInteger("BENCH_RUNS", 3);
const PAGES = ["/en", "/en/agenda", "/en/speakers/wang-yao", "/en/quotes"];
/** @typedef {"performance" | "accessibility" | "best-practices" | "seo"} Category */
/** @type {Category[]} */
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
/** @type {Record<Category, number>} */
const TARGET = { performance: 95, accessibility: 100, "best-practices": 95, seo: 95 };

const server = await startProductionServer({
  port: positiveInteger("BENCH_PORT", 3204),
  db: "./data/bench-lighthouse.db",
  distDir: ".next-bench",
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
});
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});

/** @param {number[]} values */
const median = (values) => percentile(Float64Array.from(values).sort(), 50);
/** @type {Array<{ path: string, scores: Record<Category, number> }>} */
const rows = [];
try {
  for (const path of PAGES) {
    /** @type {Record<Category, number[]>} */
    const scores = { performance: [], accessibility: [], "best-practices": [], seo: [] };
    for (let run = 0; run < RUNS; run++) {
      const result = await lighthouse(server.url + path, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES });
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}.`);
      for (const c of CATEGORIES) scores[c].push(Math.round((result.lhr.categories[c]?.score ?? 0) * 100));
      if (run === 0) {
        const failing = Object.values(result.lhr.audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === "binary");
        if (failing.length) console.log(`${path}: audits not passed: ${failing.map((a) => a.id).join(", ")}`);
      }
    }
    rows.push({
      path,
      scores: {
        performance: median(scores.performance),
        accessibility: median(scores.accessibility),
        "best-practices": median(scores["best-practices"]),
        seo: median(scores.seo),
      },
    });
  }
} finally {
  await chrome.kill();
  server.stop();
}

console.log(`\nLighthouse 12.2.3, mobile emulation, median of ${RUNS} runs\n`);
console.log(`| page | ${CATEGORIES.join(" | ")} |`);
console.log(`|---|${CATEGORIES.map(() => "---:").join("|")}|`);
for (const row of rows) console.log(`| ${row.path} | ${CATEGORIES.map((c) => row.scores[c]).join(" | ")} |`);
const missed = rows.flatMap((row) => CATEGORIES.filter((c) => row.scores[c] < TARGET[c]).map((c) => `${row.path} ${c} ${row.scores[c]} < ${TARGET[c]}`));
console.log(missed.length ? `\nTarget NOT met: ${missed.join("; ")}` : "\nTarget met: performance ≥ 95, accessibility 100, best practices ≥ 95, SEO ≥ 95 on every page.");
process.exit(0);
