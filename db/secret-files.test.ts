import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { inAnotherProcess } from "./test-support";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
  vi.restoreAllMocks();
});

async function freshModule(dir: string) {
  process.env.DATABASE_PATH = path.join(dir, "forum.db");
  delete process.env.AUTH_SECRET;
  delete process.env.TICKET_SECRET;
  return import("./secret-files");
}

describe("secret", () => {
  it("generates a missing secret beside the database with mode 0600, says so, and keeps it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-secret-"));
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const first = (await freshModule(dir)).secret("TICKET_SECRET").toString();
    const file = path.join(dir, "ticket-secret");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(log).toHaveBeenCalledWith(expect.stringContaining(`TICKET_SECRET was not set: generated one in ${file}`));

    // A restart reads the same file.
    vi.resetModules();
    expect((await freshModule(dir)).secret("TICKET_SECRET").toString()).toBe(first);
    expect(log).toHaveBeenCalledTimes(1);
  });

  it("prefers the environment and writes nothing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-secret-"));
    const { secret } = await freshModule(dir);
    process.env.AUTH_SECRET = "from the environment";
    expect(secret("AUTH_SECRET").toString()).toBe("from the environment");
    expect(fs.existsSync(path.join(dir, "auth-secret"))).toBe(false);
  });

  it("gives server processes that start together one secret, never an empty or half-written one", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-secret-"));
    const startAt = Date.now() + 4_000;
    const code = `
      const loaded = await import("./db/secret-files.ts");
      const { secret } = loaded.default ?? loaded;
      while (Date.now() < ${startAt}) {}
      process.stdout.write(JSON.stringify(secret("MANAGE_SECRET").toString()));`;
    const inProcess = async () => {
      // Each process makes the secret itself: none is handed down from the test's environment.
      const out = await inAnotherProcess(code, { DATABASE_PATH: path.join(dir, "forum.db"), MANAGE_SECRET: undefined });
      return JSON.parse(out.trim().split("\n").at(-1)!) as string;
    };
    const values = await Promise.all(Array.from({ length: 4 }, inProcess));
    expect(values[0]!.length).toBeGreaterThanOrEqual(40);
    expect(new Set(values).size).toBe(1);
    expect(fs.readFileSync(path.join(dir, "manage-secret"), "utf8").trim()).toBe(values[0]);
    // No draft is left beside the database.
    expect(fs.readdirSync(dir).filter((name) => name.startsWith("manage-secret"))).toEqual(["manage-secret"]);
  }, 60_000);
});
