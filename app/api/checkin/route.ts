import { requireRouteUser } from "@/auth/guard";
import { checkIn, dayCounts } from "@/db/queries/checkin";
import { consoleEdition } from "@/auth/edition";
import { daysOf } from "@/lib/edition";
import { secret } from "@/db/secrets";
import { parseCheckinInput } from "@/lib/checkin/input";
import { checkinRequest, day } from "@/lib/checkin/request";
import { guarded } from "@/lib/http/guarded";
import { readJsonObject } from "@/lib/http/json-body";
import { json, problem } from "@/lib/http/respond";
import { verifyTicketToken } from "@/lib/registration/ticket";

export const dynamic = "force-dynamic";

// A few hundred bytes, at the door's pace: compressing each costs the server more than it saves.
const SMALL = { "cache-control": "no-store, no-transform" };

/**
 * Check in one ticket (scanned token) or code for a day; the page and the benchmark both use it.
 * `guarded` refuses a browser's POST from another site's page before the staff cookie is read.
 */
export const POST = guarded(async (request: Request): Promise<Response> => {
  const user = await requireRouteUser("checkin");
  if (user instanceof Response) return user;
  const body = await readJsonObject(request, 2048);
  if (!body.ok) return problem(body.status, body.error);
  // The door of the console's edition: its days, and only its people.
  const edition = await consoleEdition();
  const parsed = checkinRequest(daysOf(edition)).safeParse(body.value);
  if (!parsed.success) return problem(400, "Send day, input and method.");
  const { input, method } = parsed.data;

  const what = parseCheckinInput(input);
  let code: string | null;
  if (what.kind === "token") code = verifyTicketToken(what.token, secret("TICKET_SECRET"));
  else if (what.kind === "code") code = what.code;
  else return problem(400, "That is neither a ticket nor a registration code: search by name instead.");
  // A forged or altered token names no registration: the same answer as an unknown code.
  if (!code) return json({ outcome: "unknown" }, 200, SMALL);

  return json(checkIn({ code, day: parsed.data.day, method, userId: user.id, eventId: edition.id }), 200, SMALL);
});

/** The live counts for a day: checked in, and expected (confirmed for that day). */
export const GET = guarded(async (request: Request): Promise<Response> => {
  const user = await requireRouteUser("checkin");
  if (user instanceof Response) return user;
  const edition = await consoleEdition();
  const parsed = day(daysOf(edition)).safeParse(new URL(request.url).searchParams.get("day"));
  if (!parsed.success) return problem(400, "Give a forum day: ?day=YYYY-MM-DD.");
  return json(dayCounts(parsed.data, edition.id), 200, SMALL);
});
