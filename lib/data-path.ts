/** Where the database file lives (DATABASE_PATH); its folder also holds uploads and secrets. */
import path from "node:path";

export function databasePath(): string {
  return path.resolve(/* turbopackIgnore: true */ process.env.DATABASE_PATH || "./data/forum.db");
}
