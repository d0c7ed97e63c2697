/** The JSON the check-in endpoints accept. */
import { z } from "zod";
import { checkInMethods } from "./methods";
import { perDays, type EditionDays } from "../edition";
import { MAX_INPUT } from "./input";

/** A day of the edition: the desk checks in for one day at a time. */
export const day = perDays((days) => z.enum(days));

export const checkinRequest = perDays((days) =>
  z.strictObject({
    day: day(days),
    /** A scanned token, or a typed (or name-picked) registration code. */
    input: z.string().min(1).max(MAX_INPUT),
    method: z.enum(checkInMethods),
  }),
);

export const undoRequest = z.strictObject({ id: z.number().int().positive() });

export const searchRequest = perDays((days: EditionDays) =>
  z.object({ day: day(days), q: z.string().trim().min(2).max(MAX_INPUT) }),
);
