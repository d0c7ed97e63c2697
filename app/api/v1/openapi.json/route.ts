import { getEvent } from "@/db/queries/event";
import { openApiDocument } from "@/lib/api/openapi";
import { json } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return json(openApiDocument(getEvent()));
}
