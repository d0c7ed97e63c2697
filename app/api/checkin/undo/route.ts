import { actorOf, requireRouteUser } from "@/auth/guard";
import { undoCheckIn } from "@/db/queries/checkin";
import { consoleEdition } from "@/auth/edition";
import { undoRequest } from "@/lib/checkin/request";
import { guarded } from "@/lib/http/guarded";
import { readJsonObject } from "@/lib/http/json-body";
import { json, problem } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

/** Takes back a check-in made less than a minute ago (`guarded` refuses one from another site). */
export const POST = guarded(async (request: Request): Promise<Response> => {
  const user = await requireRouteUser("checkin");
  if (user instanceof Response) return user;
  const body = await readJsonObject(request, 256);
  if (!body.ok) return problem(body.status, body.error);
  const parsed = undoRequest.safeParse(body.value);
  if (!parsed.success) return problem(400, "Send the id of the check-in.");
  const result = undoCheckIn(parsed.data.id, actorOf(user), (await consoleEdition()).id);
  if (result === "gone") return problem(404, "That check-in does not exist (any more).", { result });
  if (result === "expired") return problem(409, "A check-in can only be undone within a minute.", { result });
  return json({ result });
});
