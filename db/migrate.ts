import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Db } from "./client";

export function applyMigrations(db: Db): void {
  migrate(db, { migrationsFolder: path.join(process.cwd(), "db/migrations") });
}
