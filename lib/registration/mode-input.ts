/** The console's registration-mode form. */
import { z } from "zod";
import { MAX_HOLD_MINUTES, registrationModes } from "./mode";

export const modeSettingsSchema = z.object({
  mode: z.enum(registrationModes, { error: "invalidMode" }),
  holdMinutes: z.coerce
    .number({ error: "invalidHold" })
    .int({ error: "invalidHold" })
    .min(1, { error: "invalidHold" })
    .max(MAX_HOLD_MINUTES, { error: "invalidHold" }),
});
