/** The JSON the check-in endpoints accept. */
import { z } from "zod";
import { checkInMethods } from "./methods";
import { FORUM_DAYS } from "../registration/input";
import { MAX_INPUT } from "./input";

export const day = z.enum(FORUM_DAYS);

export const checkinRequest = z.strictObject({
  day,
  /** A scanned token, or a typed (or name-picked) registration code. */
  input: z.string().min(1).max(MAX_INPUT),
  method: z.enum(checkInMethods),
});

export const undoRequest = z.strictObject({ id: z.number().int().positive() });

export const searchRequest = z.object({ day, q: z.string().trim().min(2).max(MAX_INPUT) });
