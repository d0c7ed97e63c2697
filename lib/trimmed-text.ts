/**
 * A text field of a form or an API body: trimmed at the ends, then held to its longest length and,
 * where required, refused when blank. The error codes are those every input module's messages name.
 */
import { z } from "zod";

export function trimmedText(max: number, { required }: { required: boolean }) {
  return z
    .string({ error: "invalidType" })
    .transform((s) => s.trim())
    .pipe(
      required
        ? z.string().min(1, { error: "required" }).max(max, { error: "tooLong" })
        : z.string().max(max, { error: "tooLong" }),
    );
}
