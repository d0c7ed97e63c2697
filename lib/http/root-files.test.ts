import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rootFile, ROOT_FILES } from "./root-files";

const root = path.resolve(__dirname, "../..");

describe("ROOT_FILES", () => {
  it("lists every route folder at the top of app/ whose name has a dot, and every file of public/", () => {
    const routeFolders = readdirSync(path.join(root, "app"), { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name.includes("."))
      .map((e) => `/${e.name}`);
    const publicFiles = readdirSync(path.join(root, "public"), { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => `/${e.name}`);
    expect(routeFolders.length).toBeGreaterThan(3);
    for (const address of [...routeFolders, ...publicFiles]) expect(ROOT_FILES, address).toContain(address);
  });

  it("answers 404 for a first segment with a dot that is no file of ours, and leaves every other address alone", () => {
    for (const address of ["/favicon.ico", "/x.y", "/en.x/agenda", "/foo.bar/agenda", "/.env", "/agenda.ics/x"]) {
      expect(rootFile(address), address).toBe("unknown");
    }
    for (const address of ["/agenda.ics", "/sw.js", "/robots.txt"]) expect(rootFile(address), address).toBe("ours");
    for (const address of ["/en/agenda", "/", "/sessions/opening.ics", "/files/materials/a.pdf", "/icons/icon-192.png", "/en/speakers/wang-yao"]) {
      expect(rootFile(address), address).toBeNull();
    }
  });
});
