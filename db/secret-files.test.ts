import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

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
});
