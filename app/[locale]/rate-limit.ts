import "server-only";
import { headers } from "next/headers";
import { takeRequestSoon } from "@/db/queries/rate-limit";

/** The registration and manage forms share the API's budget per client address. */
export async function overRateLimit(): Promise<boolean> {
  return !(await takeRequestSoon(await headers())).ok;
}
