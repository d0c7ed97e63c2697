import { scheduleDelivery } from "@/db/queries/outbox";
import { registerWhileOpen } from "@/db/queries/registrations";
import { MAX_BODY_BYTES, rateLimited } from "@/lib/api/limits";
import { fieldMessages, parseRegistration } from "@/lib/api/registration-request";
import { guarded } from "@/lib/http/guarded";
import { readJsonObject } from "@/lib/http/json-body";
import { json, problem } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

/** Register: 201 confirmed or waiting; see lib/api/openapi.ts for every answer. */
export const POST = guarded(async (request: Request): Promise<Response> => {
  const limited = rateLimited(request);
  if (limited) return limited;

  const body = await readJsonObject(request, MAX_BODY_BYTES);
  if (!body.ok) return problem(body.status, body.error);

  const parsed = parseRegistration(body.value);
  if (!parsed.ok) {
    return problem(400, "The registration was not saved: correct the fields named in `fields`.", {
      fields: parsed.fields,
      messages: fieldMessages(parsed.fields),
    });
  }

  const result = registerWhileOpen(parsed.input);
  if (result.kind === "closed") {
    return problem(
      403,
      result.state === "notYetOpen"
        ? "Registration is not open yet. Nothing was saved."
        : "Registration is closed. Nothing was saved.",
      {
        opensAt: result.opensAt?.toISOString() ?? null,
        closesAt: result.closesAt?.toISOString() ?? null,
      },
    );
  }
  // Both outcomes queued an email: the confirmation, or the manage link again for a duplicate.
  scheduleDelivery();

  const { registration, position } = result;
  if (result.kind === "duplicate") {
    // The caller may not be the owner of the address: the code and token go only to its inbox.
    return problem(
      409,
      "A registration already exists for this email address. Its private link has been sent to that address again.",
      { status: registration.status },
    );
  }
  return json(
    {
      code: registration.code,
      status: registration.status,
      ...(position === null ? {} : { position }),
      manageToken: result.manageToken,
    },
    201,
    { location: `/api/v1/registrations/${registration.code}` },
  );
});
