/** The recording link form (console, and the speaker portal): a link on the allow-list, and its length if known. */
import { parseOffset, type OffsetError } from "./offset";
import { parseRecordingUrl, type RecordingLinkError } from "./recording";

export type RecordingFormError = RecordingLinkError | OffsetError;

type FormLike = { get(name: string): unknown };

const text = (form: FormLike, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** The link in its canonical form and the length in seconds (null: not known), or the errors by field. */
export function readRecordingForm(
  form: FormLike,
):
  | { ok: true; url: string; seconds: number | null }
  | { ok: false; errors: Record<string, RecordingFormError> } {
  const errors: Record<string, RecordingFormError> = {};
  const link = parseRecordingUrl(text(form, "recordingUrl"));
  if (!link.ok) errors.recordingUrl = link.error;
  const length = readLength(form);
  if (!length.ok) errors.recordingLength = length.error;
  if (!link.ok || !length.ok) return { ok: false, errors };
  return { ok: true, url: link.link.url, seconds: length.seconds };
}

/** The recording's length as typed ("1:02:03" or seconds); empty is unknown, and a file in its place is no length. */
export function readLength(
  form: FormLike,
): { ok: true; seconds: number | null } | { ok: false; error: OffsetError } {
  const value = form.get("recordingLength");
  if (value !== null && value !== undefined && typeof value !== "string") return { ok: false, error: "offsetInvalid" };
  return parseOffset(text(form, "recordingLength"));
}
