import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "./client";
import { applyMigrations } from "./migrate";
import { secret } from "./secret-files";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-data-folder-"));
const mode = (file: string) => fs.statSync(file).mode & 0o777;

afterAll(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the data folder", () => {
  it("is created 0700, and the database with its -wal and -shm files 0600, whatever the umask", () => {
    const previous = process.umask(0o022);
    try {
      const data = path.join(dir, "fresh", "data");
      const file = path.join(data, "forum.db");
      process.env.DATABASE_PATH = file;
      applyMigrations(getDb());
      secret("MANAGE_SECRET");
      expect(mode(data)).toBe(0o700);
      expect(mode(file)).toBe(0o600);
      expect(mode(`${file}-wal`)).toBe(0o600);
      expect(mode(`${file}-shm`)).toBe(0o600);
      expect(mode(path.join(data, "manage-secret"))).toBe(0o600);
    } finally {
      process.umask(previous);
      closeDb();
    }
  });

  it("keeps the mode of a folder that already exists", () => {
    const shared = path.join(dir, "shared");
    fs.mkdirSync(shared, { mode: 0o755 });
    fs.chmodSync(shared, 0o755);
    process.env.DATABASE_PATH = path.join(shared, "forum.db");
    getDb();
    expect(mode(shared)).toBe(0o755);
    expect(mode(path.join(shared, "forum.db"))).toBe(0o600);
    closeDb();
  });
});
