import { describe, expect, it } from "vitest";
import { readSpeakerForm, speakerErrors, speakerSchema } from "./input";

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
};

describe("speaker input", () => {
  it("trims, keeps an empty Chinese name as none and reads the listed box", () => {
    const values = readSpeakerForm(form({ nameEn: "  Test Speaker ", titleEn: "Engineer", listed: "on" }));
    const parsed = speakerSchema.parse(values);
    expect(parsed).toMatchObject({ nameEn: "Test Speaker", nameZh: null, titleEn: "Engineer", bioZh: "", listed: true });
    expect(speakerSchema.parse(readSpeakerForm(form({ nameEn: "A" }))).listed).toBe(false);
  });

  it("requires the English name and bounds every field", () => {
    const result = speakerSchema.safeParse(
      readSpeakerForm(form({ nameEn: "   ", titleZh: "长".repeat(201), bioEn: "b".repeat(4001) })),
    );
    expect(result.success).toBe(false);
    expect(speakerErrors(result.error!)).toEqual({ nameEn: "required", titleZh: "tooLong", bioEn: "tooLong" });
  });

  it("refuses fields it does not know", () => {
    const result = speakerSchema.safeParse({ ...readSpeakerForm(form({ nameEn: "A" })), slug: "x" });
    expect(result.success).toBe(false);
  });
});
