import { databaseHealth } from "@/db/queries/health";
import { json } from "@/lib/http/respond";
import { version } from "@/package.json";

export const dynamic = "force-dynamic";

/** For monitors and load balancers: 200 when the database answers, 503 when it does not. */
export async function GET(): Promise<Response> {
  const database = databaseHealth();
  return json({ status: database.ok ? "ok" : "unavailable", version, database }, database.ok ? 200 : 503);
}
