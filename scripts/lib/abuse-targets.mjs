// @ts-check
// What the abuse run must cover, read from the code and the build rather than from a list here:
// every method exported by every route.ts, and every Server Action the build serves.
import fs from "node:fs";
import path from "node:path";

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/**
 * @param {string} dir
 * @param {(name: string, full: string) => boolean} keep
 * @param {string[]} [out]
 */
function walk(dir, keep, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, keep, out);
    else if (keep(entry.name, full)) out.push(full);
  }
  return out;
}

/**
 * The HTTP methods a route module exports, however it writes them.
 * @param {string} source
 */
export function exportedMethods(source) {
  /** @type {Set<string | undefined>} */
  const names = new Set();
  for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+([A-Z]+)\s*\(/g)) names.add(m[1]);
  for (const m of source.matchAll(/export\s+(?:const|let|var)\s+([A-Z]+)\s*[=:]/g)) names.add(m[1]);
  // export const { GET, POST } = handlers;   export { handler as GET, POST };
  for (const m of source.matchAll(/export\s+(?:const|let|var)\s*\{([^}]*)\}\s*=/g)) {
    for (const part of (m[1] ?? "").split(",")) names.add(part.split(":").pop()?.trim());
  }
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of (m[1] ?? "").split(",")) names.add(part.split(/\s+as\s+/).pop()?.trim());
  }
  return HTTP_METHODS.filter((method) => names.has(method));
}

/**
 * "/[locale]/admin/attendees/export.csv" from "app/[locale]/admin/attendees/export.csv/route.ts".
 * @param {string} file
 * @param {string} appDir
 */
function routePattern(file, appDir) {
  const dir = path.relative(appDir, path.dirname(file)).split(path.sep);
  return "/" + dir.filter((segment) => segment && !/^\(.*\)$/.test(segment) && !segment.startsWith("@")).join("/");
}

/** Every route handler method: [{ key: "POST /api/checkin", method, pattern, file }]. */
export function routeTargets(appDir = "app") {
  const files = walk(appDir, (name) => /^route\.(?:ts|tsx|js|mjs)$/.test(name));
  /** @type {Array<{ key: string, method: string, pattern: string, file: string, methods: string[] }>} */
  const targets = [];
  for (const file of files.sort()) {
    const pattern = routePattern(file, appDir);
    const methods = exportedMethods(fs.readFileSync(file, "utf8"));
    if (methods.length === 0) throw new Error(`${file} exports no HTTP method the script recognises: teach exportedMethods how it exports them.`);
    for (const method of methods) targets.push({ key: `${method} ${pattern}`, method, pattern, file, methods });
  }
  return targets;
}

/** Files that hold Server Actions ("use server" at the top) and the async functions they export. */
export function sourceActions(dirs = ["app", "lib", "db", "auth"]) {
  /** @type {Array<{ key: string, file: string, name: string }>} */
  const out = [];
  for (const dir of dirs.filter((d) => fs.existsSync(d))) {
    for (const file of walk(dir, (name) => /\.(?:ts|tsx|js|mjs)$/.test(name) && !/\.test\./.test(name))) {
      const source = fs.readFileSync(file, "utf8");
      if (!/^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(source)) continue;
      for (const m of source.matchAll(/export\s+(?:async\s+function\s+(\w+)|const\s+(\w+)\s*=)/g)) {
        const name = m[1] ?? m[2] ?? "";
        out.push({ key: `${file}#${name}`, file, name });
      }
    }
  }
  return out;
}

/**
 * Actions in the source the build does not have (a stale build), and the reverse.
 * @param {Array<{ key: string }>} source
 * @param {Array<{ key: string, name: string }>} built
 */
export function compareActions(source, built) {
  const builtKeys = new Set(built.map((a) => a.key));
  const sourceKeys = new Set(source.map((a) => a.key));
  return {
    missingFromBuild: source.filter((a) => !builtKeys.has(a.key)).map((a) => a.key),
    // Only exported names can be compared: inline actions have generated names.
    missingFromSource: built.filter((a) => !a.name.startsWith("$$") && !sourceKeys.has(a.key)).map((a) => a.key),
  };
}
