import { createHash } from "node:crypto";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Db } from "./client";

export function applyMigrations(db: Db): void {
  // SQLite has no SHA-256: 0008 hashes the private-link tokens stored before it with this one.
  db.$client.function("forum_sha256", { deterministic: true }, (value: unknown) =>
    typeof value === "string" ? createHash("sha256").update(value, "utf8").digest("hex") : value,
  );
  migrate(db, { migrationsFolder: path.join(process.cwd(), "db/migrations") });
}
