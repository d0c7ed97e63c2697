import { requireRouteUser } from "@/auth/guard";
import { searchByName } from "@/db/queries/checkin";
import { consoleEdition } from "@/auth/edition";
import { daysOf } from "@/lib/edition";
import { searchRequest } from "@/lib/checkin/request";
import { guarded } from "@/lib/http/guarded";
import { json, problem } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

/** People whose name contains ?q=, with whether they are checked in for ?day=. */
export const GET = guarded(async (request: Request): Promise<Response> => {
  const user = await requireRouteUser("checkin");
  if (user instanceof Response) return user;
  const params = new URL(request.url).searchParams;
  const edition = await consoleEdition();
  const parsed = searchRequest(daysOf(edition)).safeParse({ day: params.get("day"), q: params.get("q") });
  if (!parsed.success) return problem(400, "Give a forum day and at least two characters of a name.");
  return json({ matches: searchByName(parsed.data.q, parsed.data.day, edition.id) });
});
