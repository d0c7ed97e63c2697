import { scheduleDelivery } from "@/lib/email/outbox-worker";
import { registerWhileOpenGrouped, startHoldExpiry } from "@/db/queries/registrations";
import { MAX_BODY_BYTES } from "@/lib/api/limits";
import { rateLimitedSoon } from "@/db/queries/rate-limit";
import { fieldErrorMessages, fieldMessages, parseRegistration } from "@/lib/api/registration-request";
import { guarded } from "@/lib/http/guarded";
import { readJsonObject } from "@/lib/http/json-body";
import { json, problem } from "@/lib/http/respond";
import { clientAddressKey } from "@/lib/registration/address-limit";
import { admissionFor } from "@/lib/registration/mode";
import { secret } from "@/db/secrets";
import { getEvent } from "@/db/queries/event";
import { daysOf } from "@/lib/edition";

export const dynamic = "force-dynamic";

const RECEIVED = {
  email:
    "Registration received. An email has gone to the address given: open the link in it and confirm within the time it names. Nothing else is told here, whether or not the address was registered before.",
  approval:
    "Registration received. The organisers review each registration and answer by email at the address given. Nothing else is told here, whether or not the address was registered before.",
} as const;

/** Register: 201 (open mode) or 202 (confirm and approval modes); see lib/api/openapi.ts for every answer. */
export const POST = guarded(async (request: Request): Promise<Response> => {
  const limited = await rateLimitedSoon(request);
  if (limited) return limited;

  const body = await readJsonObject(request, MAX_BODY_BYTES);
  if (!body.ok) return problem(body.status, body.error);

  // The current edition: the only one that takes registrations, and the one whose days are checked.
  const edition = getEvent();
  const days = daysOf(edition);
  const parsed = parseRegistration(body.value, days);
  if (!parsed.ok) {
    return problem(400, "The registration was not saved: correct the fields named in `fields`.", {
      fields: parsed.fields,
      messages: fieldMessages(parsed.fields, days),
    });
  }

  startHoldExpiry(scheduleDelivery);
  const { invitationCode, ...input } = parsed.input;
  // Named, so that should another edition become current meanwhile, this one is closed rather
  // than the registration filed under the other with days checked against this one.
  const result = await registerWhileOpenGrouped(input, {
    addressKey: clientAddressKey(request.headers, secret("TICKET_SECRET")),
    invitationCode,
    editionId: edition.id,
  });
  switch (result.kind) {
    case "closed":
      return problem(
        403,
        result.state === "notYetOpen"
          ? "Registration is not open yet. Nothing was saved."
          : result.state === "notCurrent"
            ? "Registration for this edition is closed: only the current edition takes registrations. Nothing was saved."
            : "Registration is closed. Nothing was saved.",
        {
          opensAt: result.opensAt?.toISOString() ?? null,
          closesAt: result.closesAt?.toISOString() ?? null,
        },
      );
    case "limited":
      return problem(
        429,
        `Too many registrations from your address: at most ${result.limit} an hour. Nothing was saved; try again in ${Math.ceil(result.retryAfterSeconds / 60)} min, or ask the organisers for an invitation code to register a group.`,
        {},
        { "retry-after": String(result.retryAfterSeconds) },
      );
    case "invitationUnknown":
    case "invitationUsedUp": {
      const fields = { invitationCode: result.kind } as const;
      return problem(
        400,
        result.kind === "invitationUsedUp"
          ? `This invitation code admits ${result.maxUses} people and all its places are taken. Nothing was saved.`
          : "The invitation code is not valid. Nothing was saved.",
        { fields, messages: { invitationCode: fieldErrorMessages(days)[result.kind] } },
      );
    }
  }
  // Every outcome queued an email: a confirmation link, a notice, or the existing link again.
  scheduleDelivery();

  const awaiting = admissionFor(result.mode, invitationCode !== null);
  if (awaiting !== "immediate") {
    // The same answer for a new address and a registered one: only its inbox learns which.
    return json({ status: "pending", awaiting, message: RECEIVED[awaiting] }, 202);
  }
  const { registration, position } = result;
  if (result.kind === "duplicate") {
    // Open mode answers with the new registration's private link, so a duplicate cannot look the
    // same; it says no more than that the address is taken.
    return problem(
      409,
      "A registration already exists for this email address. Its private link has been sent to that address again.",
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
