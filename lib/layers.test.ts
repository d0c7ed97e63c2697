/**
 * The layering rules of STYLE.md, checked over the source so that they stay true: lib/ imports
 * nothing from db/, client components take nothing from db/schema, the schema owns no list of
 * values, one transaction type, and route folders do not import each other's files.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(child);
    return /\.(ts|tsx|mts|mjs)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [child] : [];
  });
}

/** Every module a file names: static imports and re-exports, side-effect imports, import(). */
function specifiers(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)) found.push(m[1]!);
  return found;
}

/** The repository path a specifier points at (without extension), or null for a package. */
function resolveSpecifier(fromFile: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith(".")) return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  return null;
}

const inDb = (target: string) => target === "db" || target.startsWith("db/");

/**
 * The route folder a file of app/ belongs to: its folder, cut before the first private folder
 * (`_components`), so `admin/attendees/_components/x.tsx` belongs to `admin/attendees`.
 */
function routeFolder(file: string): string {
  const parts = path.posix.dirname(file).split("/");
  const cut = parts.findIndex((part) => part.startsWith("_"));
  return (cut === -1 ? parts : parts.slice(0, cut)).join("/");
}

/**
 * Whether `fromFile` (under app/) reaches into another route's files. A route may import its own
 * files and those of the folders above it (a layout folder's shared `action-form.ts`, a feature's
 * `_components`), never a sibling's or a child's; and never through `@/app/...`.
 */
function crossesRoutes(fromFile: string, specifier: string): boolean {
  if (specifier.startsWith("@/app/") || specifier === "@/app") return true;
  const target = resolveSpecifier(fromFile, specifier);
  if (!target || !(target === "app" || target.startsWith("app/"))) return false;
  const own = routeFolder(fromFile);
  const theirs = routeFolder(target);
  return !(own === theirs || own.startsWith(`${theirs}/`));
}

const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
const isClient = (source: string) => /^\s*["']use client["']/.test(source);

describe("layers", () => {
  it("the checker tells a route's own and shared files from another route's", () => {
    const ticket = "app/[locale]/ticket/[token]/actions.ts";
    expect(crossesRoutes(ticket, "../../register/form-values")).toBe(true);
    expect(crossesRoutes("app/[locale]/admin/quotes/actions.ts", "../speakers/revalidate-public")).toBe(true);
    expect(crossesRoutes("app/[locale]/admin/attendees/_components/a.tsx", "../../../register/_components/b")).toBe(true);
    expect(crossesRoutes("app/[locale]/page.tsx", "./admin/x")).toBe(true);
    expect(crossesRoutes(ticket, "@/app/[locale]/action-form")).toBe(true);
    expect(crossesRoutes(ticket, "../../action-form")).toBe(false);
    expect(crossesRoutes(ticket, "./_components/manage-panel")).toBe(false);
    expect(crossesRoutes("app/[locale]/admin/attendees/[code]/page.tsx", "../_components/attendee-form")).toBe(false);
    expect(crossesRoutes("app/[locale]/admin/attendees/_components/a.tsx", "../actions")).toBe(false);
    expect(crossesRoutes(ticket, "@/lib/registration/form-values")).toBe(false);
    expect(specifiers(`import a from "x";\nimport type { B } from '../y';\nexport * from "./z";\nimport "server-only";\nawait import("@/lib/w");`)).toEqual(
      ["x", "../y", "./z", "server-only", "@/lib/w"],
    );
  });

  it("lib/ imports nothing from db/", () => {
    const offending = sourceFiles("lib").flatMap((file) =>
      specifiers(read(file))
        .filter((s) => {
          const target = resolveSpecifier(file, s);
          return target !== null && inDb(target);
        })
        .map((s) => `${file} imports ${s}`),
    );
    expect(offending).toEqual([]);
  });

  it("client components import nothing from db/schema and no value from db/", () => {
    const offending = [...sourceFiles("app"), ...sourceFiles("components")].flatMap((file) => {
      const source = read(file);
      if (!isClient(source)) return [];
      const bad: string[] = [];
      for (const m of source.matchAll(/\bimport\s+(type\s+)?[^"';]*?\bfrom\s*["']([^"']+)["']/g)) {
        const target = resolveSpecifier(file, m[2]!);
        if (target === null || !inDb(target)) continue;
        if (target === "db/schema" || !m[1]) bad.push(`${file} imports ${m[2]}`);
      }
      return bad;
    });
    expect(offending).toEqual([]);
  });

  it("no file outside app/ imports from app/", () => {
    const offending = ["lib", "components", "db", "auth", "i18n"].flatMap((dir) =>
      sourceFiles(dir).flatMap((file) =>
        specifiers(read(file))
          .filter((s) => {
            const target = resolveSpecifier(file, s);
            return target !== null && (target === "app" || target.startsWith("app/"));
          })
          .map((s) => `${file} imports ${s}`),
      ),
    );
    expect(offending).toEqual([]);
  });

  it("db/schema.ts owns no list of values: the lists live in lib/ and the schema imports them", () => {
    expect(read("db/schema.ts")).not.toMatch(/\]\s*as const/);
  });

  it("only db/client.ts defines the transaction type", () => {
    const offending = sourceFiles("db")
      .filter((file) => file !== path.join("db", "client.ts"))
      .filter((file) => /Db\["transaction"\]|type\s+Tx\s*=/.test(read(file)));
    expect(offending).toEqual([]);
  });

  it("route folders under app/ do not import each other's files", () => {
    const offending = sourceFiles("app").flatMap((file) => {
      const name = file.split(path.sep).join("/");
      return specifiers(read(file))
        .filter((s) => crossesRoutes(name, s))
        .map((s) => `${name} imports ${s}`);
    });
    expect(offending).toEqual([]);
  });
});

describe("one copy", () => {
  const code = (dirs: string[]) =>
    dirs.flatMap((dir) => sourceFiles(dir)).filter((file) => !/\.test\.tsx?$/.test(file) && !file.startsWith(path.join("db", "migrations")));

  it("only db/queries/audit.ts writes the audit trail", () => {
    const offending = code(["app", "db", "lib", "auth", "server"])
      .filter((file) => file !== path.join("db", "queries", "audit.ts"))
      .filter((file) => /\b(insert|update|delete)\(\s*auditLog\b|(insert into|update|delete from)\s+"?audit_log/i.test(read(file)));
    expect(offending).toEqual([]);
  });
});

describe("one same-origin check", () => {
  it("only server/same-origin.mjs reads Sec-Fetch-Site and compares Origin: the rest call it", () => {
    const offending = ["app", "lib", "auth", "server", "components"]
      .flatMap((dir) => sourceFiles(dir))
      .concat(["proxy.ts", "server.mjs"])
      .filter((file) => !/\.test\.tsx?$/.test(file) && file !== path.join("server", "same-origin.mjs"))
      .filter((file) => /["']sec-fetch-site["']|get\(\s*["']origin["']\s*\)/i.test(read(file)));
    expect(offending).toEqual([]);
  });
});

describe("one ETag helper", () => {
  it("only lib/http/etag.ts makes a tag or reads If-None-Match in the app's code", () => {
    const offending = ["app", "lib", "auth", "components", "db"]
      .flatMap((dir) => sourceFiles(dir))
      .filter((file) => !/\.test\.tsx?$/.test(file) && file !== path.join("lib", "http", "etag.ts"))
      .filter((file) => /\.get\(\s*["']if-none-match["']\s*\)|W\/"\$\{/i.test(read(file)));
    expect(offending).toEqual([]);
  });
});
