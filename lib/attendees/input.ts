/** What the console may enter for an attendee: the public form's rules, plus the console's own fields. */
import { z } from "zod";
import { perDays } from "../edition";
import { detailsSchema } from "../registration/input";

export const attendeeSchema = perDays((days) =>
  detailsSchema(days).extend({
    altName: z
      .string({ error: "invalidType" })
      .transform((s) => s.trim())
      .pipe(z.string().max(120, { error: "tooLong" }))
      .optional()
      .transform((s) => s || null),
    locale: z.enum(["en", "zh-CN"], { error: "invalidType" }).optional().default("en"),
  }),
);

export type AttendeeInput = z.output<ReturnType<typeof attendeeSchema>>;

export const promoteSchema = z.object({
  id: z.coerce.number().int().positive(),
  reason: z.string().trim().min(3, { error: "reasonRequired" }).max(500, { error: "tooLong" }),
  override: z.literal("on").optional(),
});
