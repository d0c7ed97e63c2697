import "server-only";
import { getDb } from "../client";

export type DatabaseHealth = { ok: true; migrations: number } | { ok: false };

/** Whether the database answers a read, and how many migrations it has applied. */
export function databaseHealth(): DatabaseHealth {
  try {
    const row = getDb().$client.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number };
    return { ok: true, migrations: row.n };
  } catch (error) {
    console.error("Health check: the database did not answer:", error);
    return { ok: false };
  }
}
