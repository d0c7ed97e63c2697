import { openApiDocument } from "@/lib/api/openapi";
import { json } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return json(openApiDocument);
}
