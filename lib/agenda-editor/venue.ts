/** Inputs for the rooms and tracks the agenda editor manages. */
import { z } from "zod";

export const NAME_MAX = 120;
const name = z.string().trim().min(1, "required").max(NAME_MAX, "tooLong");

export const roomInput = z.object({
  nameEn: name,
  nameZh: name,
  capacity: z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? null : v),
    z.coerce.number({ error: "invalid" }).int("invalid").min(1, "invalid").max(100_000, "invalid").nullable(),
  ),
});

/** Track colours carry white text, so only plain #rrggbb is taken. */
export const trackInput = z.object({
  nameEn: name,
  nameZh: name,
  color: z.string().trim().regex(/^#[0-9a-fA-F]{6}$/, "invalid").transform((c) => c.toLowerCase()),
});

const id = z.coerce.number({ error: "invalid" }).int("invalid").positive("invalid").max(2 ** 31, "invalid");
export const roomUpdateInput = roomInput.extend({ id });
export const trackUpdateInput = trackInput.extend({ id });

export type RoomFields = z.infer<typeof roomInput>;
export type TrackFields = z.infer<typeof trackInput>;
