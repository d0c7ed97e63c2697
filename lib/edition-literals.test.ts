/**
 * The facts of an edition are data: code reads them from the event row. This walks the source tree
 * and fails on any date of the seeded forum, its zone or its venue written outside db/seed/, the
 * tests, their fixtures (lib/test-fixtures/) and the scripts' benchmarks and harnesses.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { editionDays } from "./edition";
import { seededEdition as event } from "./test-fixtures/edition";

const ROOT = path.resolve(import.meta.dirname, "..");

const SOURCE = /\.(ts|tsx|js|mjs|cjs|mts|json|css|html)$/;
// Folders that are not the app's source: dependencies, builds, data, and the fixtures named above.
// db/migrations is the record of how databases were changed, like the seed it carries data.
const SKIPPED_DIRS = new Set([
  "node_modules",
  ".git",
  "data",
  "out",
  "test-results",
  "playwright-report",
  "backups",
  "tmp",
]);
const SKIPPED_PATHS = ["db/seed/", "db/migrations/", "e2e/", "scripts/", "lib/test-fixtures/"];
const isTestFile = (rel: string) =>
  /\.test\.tsx?$/.test(rel) || /(^|\/)test-support\.ts$/.test(rel) || rel === "package-lock.json";

function sourceFiles(root: string, dir = ""): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(entry.name) || entry.name.startsWith(".next")) continue;
      if (SKIPPED_PATHS.some((p) => `${rel}/`.startsWith(p))) continue;
      out.push(...sourceFiles(root, rel));
    } else if (entry.isFile() && SOURCE.test(entry.name) && !isTestFile(rel)) {
      out.push(rel);
    }
  }
  return out;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** Every usual spelling of the seeded forum's days, and of the day on either side. */
function datePatterns(): RegExp[] {
  const shift = (date: string, days: number) => {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  };
  return editionDays(shift(event.startDate, -1), shift(event.endDate, 1)).flatMap((iso) => {
    const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
    const long = MONTHS[m - 1]!;
    const month = `(?:${long}|${long.slice(0, 3)}\\.?)`;
    return [
      new RegExp(escape(iso)),
      new RegExp(`\\b${month}\\s+${d}(?:st|nd|rd|th)?\\b`),
      new RegExp(`\\b${d}(?:st|nd|rd|th)?\\s+${month}\\b`),
      new RegExp(`${m}月${d}日`),
      new RegExp(`\\b${y}/0?${m}/${d}\\b|\\b${d}/0?${m}/${y}\\b|\\b0?${m}/${d}/${y}\\b`),
    ];
  });
}

/** The zone, the venue as the seed writes it, and its place names on their own. */
function factPatterns(): RegExp[] {
  const places = [event.venueEn, event.venueZh, event.venueEn.split(/\s/)[0]!, "嘉定"];
  return [new RegExp(escape(event.timeZone)), ...places.map((p) => new RegExp(escape(p), "i"))];
}

type Finding = { file: string; line: number; text: string };

function findLiterals(root: string): Finding[] {
  const patterns = [...datePatterns(), ...factPatterns()];
  const findings: Finding[] = [];
  for (const file of sourceFiles(root)) {
    const lines = fs.readFileSync(path.join(root, file), "utf8").split("\n");
    lines.forEach((text, i) => {
      const hit = patterns.map((p) => p.exec(text)?.[0]).find(Boolean);
      if (hit) findings.push({ file, line: i + 1, text: hit });
    });
  }
  return findings;
}

describe("the facts of an edition are data, not code", () => {
  it("no source file outside db/seed/ and the fixtures spells a date, the zone or the venue of the forum", () => {
    expect(findLiterals(ROOT)).toEqual([]);
  });

  it("walks the app's own folders", () => {
    const files = sourceFiles(ROOT);
    for (const f of [
      "lib/email/templates.ts",
      "messages/en.json",
      "app/manifest.ts",
      "i18n/request.ts",
    ]) {
      expect(files).toContain(f);
    }
    expect(
      files.some((f) => f.startsWith("db/seed/") || f.startsWith("e2e/") || f.endsWith(".test.ts")),
    ).toBe(false);
  });

  describe("catches a planted literal (negative control)", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "edition-literals-"));
    afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
    const plant = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    plant("lib/clean.ts", "export const day = edition.startDate;\n");
    plant("lib/a.ts", 'export const first = "2024-07-11";\n');
    plant("app/b.tsx", "// Shown on July 12 only\n");
    plant("messages/c.json", '{ "when": "论坛于7月13日闭幕" }\n');
    plant("lib/d.ts", 'const zone = "Asia/Shanghai";\n');
    plant("components/e.tsx", "<p>Welcome to Jiading</p>\n");
    plant("lib/f.ts", 'const venue = "上海市嘉定区";\n');
    plant("lib/g.ts", 'const eve = "10 July";\n');
    plant("db/seed/ok.ts", 'export const startDate = "2024-07-11";\n');
    plant("lib/ok.test.ts", 'expect(day).toBe("2024-07-11");\n');
    plant("e2e/ok.spec.ts", 'await page.getByLabel("Thursday 11 July 2024").check();\n');

    it("names each planted file and nothing else", () => {
      expect(
        findLiterals(root)
          .map((f) => f.file)
          .sort(),
      ).toEqual([
        "app/b.tsx",
        "components/e.tsx",
        "lib/a.ts",
        "lib/d.ts",
        "lib/f.ts",
        "lib/g.ts",
        "messages/c.json",
      ]);
    });
  });
});
