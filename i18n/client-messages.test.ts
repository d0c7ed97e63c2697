import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientNamespaces, pickMessages, type ClientArea } from "./client-messages";
import en from "../messages/en.json";

const root = path.resolve(import.meta.dirname, "..");

/** Where each part's client components live. */
const areaDirs: Record<ClientArea, string> = {
  agenda: "components/agenda",
  quotes: "components/quotes",
  myAgenda: "app/[locale]/my-agenda",
  register: "app/[locale]/register",
  ticket: "app/[locale]/ticket",
  signIn: "app/[locale]/sign-in",
  checkin: "app/[locale]/checkin",
  speaker: "app/[locale]/speaker",
};

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(root, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  return [".tsx", ".ts", "/index.tsx", "/index.ts"].map((ext) => base + ext).find((file) => fs.existsSync(file)) ?? null;
}

/** The namespaces translated by the client components of a folder and everything they import. */
function namespacesUsed(dir: string): Set<string> {
  const seen = new Set<string>();
  const queue = sourceFiles(path.join(root, dir)).filter((file) => fs.readFileSync(file, "utf8").startsWith('"use client"'));
  const used = new Set<string>();
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = fs.readFileSync(file, "utf8");
    for (const [, ns] of text.matchAll(/useTranslations\("([A-Za-z]+)/g)) used.add(ns!);
    for (const [, spec] of text.matchAll(/from "([^"]+)"/g)) {
      const target = resolveImport(file, spec!);
      if (target) queue.push(target);
    }
  }
  return used;
}

describe("client message namespaces", () => {
  for (const area of Object.keys(areaDirs) as ClientArea[]) {
    it(`${area}: every namespace its client components translate is sent`, () => {
      const used = namespacesUsed(areaDirs[area]);
      expect(used.size).toBeGreaterThan(0);
      expect([...used].filter((ns) => !(clientNamespaces[area] as readonly string[]).includes(ns))).toEqual([]);
    });
  }

  it("the shared islands of every page translate nothing themselves (they take strings as props)", () => {
    for (const file of ["components/star-button.tsx", "components/offline-notice.tsx", "components/locale-switch.tsx", "components/nav-link.tsx", "app/[locale]/_components/now-next.tsx", "app/[locale]/error.tsx"]) {
      expect(fs.readFileSync(path.join(root, file), "utf8"), file).not.toMatch(/from "next-intl"|@\/i18n\/navigation/);
    }
  });

  it("pickMessages keeps the named namespaces only", () => {
    const picked = pickMessages(en, ["stars", "offline", "nothing-here"]);
    expect(Object.keys(picked).sort()).toEqual(["offline", "stars"]);
    expect(picked.stars).toEqual(en.stars);
  });
});
