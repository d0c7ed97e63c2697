import { databaseHealth } from "@/db/queries/health";
import { scheduleDelivery } from "@/lib/email/outbox-worker";
import { startHoldExpiry } from "@/db/queries/registrations";
import { json } from "@/lib/http/respond";
import { version } from "@/package.json";

export const dynamic = "force-dynamic";

/** For monitors and load balancers: 200 when the database answers, 503 when it does not. */
export async function GET(): Promise<Response> {
  // Monitors call this soon after a start: unconfirmed holds then lapse on time without a visitor.
  if (databaseHealth().ok) startHoldExpiry(scheduleDelivery);
  const database = databaseHealth();
  return json({ status: database.ok ? "ok" : "unavailable", version, database }, database.ok ? 200 : 503);
}
