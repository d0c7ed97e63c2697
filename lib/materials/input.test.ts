import { describe, expect, it } from "vitest";
import { readRecordingForm } from "./input";

const form = (fields: Record<string, string>) => ({ get: (name: string) => fields[name] ?? null });

describe("the recording link form", () => {
  it("keeps the canonical link and the length in seconds", () => {
    expect(
      readRecordingForm(
        form({ recordingUrl: " https://youtu.be/dQw4w9WgXcQ?si=x ", recordingLength: "1:02:03" }),
      ),
    ).toEqual({
      ok: true,
      url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
      seconds: 3723,
    });
    expect(readRecordingForm(form({ recordingUrl: "https://vimeo.com/76979871" }))).toEqual({
      ok: true,
      url: "https://vimeo.com/76979871",
      seconds: null,
    });
  });

  it("says what is wrong with each field", () => {
    expect(
      readRecordingForm(form({ recordingUrl: "data:text/html,hi", recordingLength: "-3" })),
    ).toEqual({
      ok: false,
      errors: { recordingUrl: "recordingUrlInvalid", recordingLength: "offsetNegative" },
    });
    expect(
      readRecordingForm(form({ recordingUrl: "https://evil.example/watch?v=dQw4w9WgXcQ" })),
    ).toEqual({ ok: false, errors: { recordingUrl: "recordingHostNotAllowed" } });
  });
});
