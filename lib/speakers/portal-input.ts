/** What a speaker may change on their own page (the speaker portal), and its rules. */
import { z } from "zod";
import { normaliseLink, normaliseWechat, type LinkField } from "./links";
import { SPEAKER_LIMITS } from "./input";

/** The fields of the portal's form; the photo comes by its own upload. */
export const PORTAL_TEXT_FIELDS = [
  "bioEn",
  "bioZh",
  "organisationEn",
  "organisationZh",
  "websiteUrl",
  "linkedinUrl",
  "weiboUrl",
  "wechatAccount",
] as const;

export type PortalField = (typeof PORTAL_TEXT_FIELDS)[number];
export type PortalFormValues = Record<PortalField, string>;

/** Error codes, each with a message under "speakerPortal.errors" in messages/*.json. */
export type PortalFieldError = "tooLong" | "invalidType" | "badUrl" | "wrongHost" | "badName";

/** A speaker's proposed profile as the draft stores it: what the public page would show once approved. */
export type ProfileProposal = {
  bioEn: string;
  bioZh: string;
  organisationEn: string;
  organisationZh: string;
  websiteUrl: string | null;
  linkedinUrl: string | null;
  weiboUrl: string | null;
  wechatAccount: string | null;
  photoPath: string | null;
};

/** Letters, line breaks and tabs; other control characters never belong in a biography. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const text = (max: number) =>
  z
    .string({ error: "invalidType" })
    .refine((s) => !CONTROL.test(s), { error: "invalidType" })
    .transform((s) => s.trim())
    .pipe(z.string().max(max, { error: "tooLong" }));

const link = (field: LinkField) =>
  z.string({ error: "invalidType" }).transform((raw, ctx) => {
    const result = normaliseLink(field, raw);
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: result.error });
    return z.NEVER;
  });

export const portalSchema = z.strictObject(
  {
    bioEn: text(SPEAKER_LIMITS.bio),
    bioZh: text(SPEAKER_LIMITS.bio),
    organisationEn: text(SPEAKER_LIMITS.organisation),
    organisationZh: text(SPEAKER_LIMITS.organisation),
    websiteUrl: link("websiteUrl"),
    linkedinUrl: link("linkedinUrl"),
    weiboUrl: link("weiboUrl"),
    wechatAccount: z.string({ error: "invalidType" }).transform((raw, ctx) => {
      const result = normaliseWechat(raw);
      if (result.ok) return result.value;
      ctx.addIssue({ code: "custom", message: result.error });
      return z.NEVER;
    }),
  },
  { error: () => "invalidType" },
);

export type PortalInput = z.output<typeof portalSchema>;

type FormLike = { get(name: string): unknown };

/**
 * The form as sent. The portal's form always sends every field, so a missing one (or a file) was
 * crafted and fails as a wrong type, not as "no link".
 */
export function readPortalForm(form: FormLike): Record<PortalField, unknown> {
  const values = {} as Record<PortalField, unknown>;
  for (const field of PORTAL_TEXT_FIELDS) values[field] = form.get(field) ?? undefined;
  return values;
}

/** The values to give back to the form with its errors: strings only. */
export function portalFormValues(values: Record<PortalField, unknown>): PortalFormValues {
  const out = {} as PortalFormValues;
  for (const field of PORTAL_TEXT_FIELDS) out[field] = typeof values[field] === "string" ? (values[field] as string) : "";
  return out;
}

/** First error per field, keyed by field name. */
export function portalErrors(error: z.ZodError): Partial<Record<PortalField | "form", PortalFieldError>> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? "form")] ??= issue.message;
  return out as Partial<Record<PortalField | "form", PortalFieldError>>;
}

/** The fields of a proposal that differ from what is public: what the organizer reviews. */
export function changedFields(publicProfile: ProfileProposal, proposal: ProfileProposal): (keyof ProfileProposal)[] {
  return (Object.keys(proposal) as (keyof ProfileProposal)[]).filter((key) => (publicProfile[key] ?? null) !== (proposal[key] ?? null));
}
