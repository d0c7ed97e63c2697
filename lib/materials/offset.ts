/**
 * A moment in a recording: typed as "754", "12:34" or "1:02:03", stored as whole seconds, shown
 * as "12:34" (or "1:02:03"). A moment before the start or past the recording's known end is refused.
 */

export type OffsetError =
  "offsetInvalid" | "offsetNegative" | "offsetBeyondRecording" | "offsetNeedsSession";

/** Longer than any talk: a typing slip, not a moment. */
const MAX_SECONDS = 24 * 3600;

/** Seconds from what a person typed; null for an empty field. */
export function parseOffset(
  raw: string,
): { ok: true; seconds: number | null } | { ok: false; error: OffsetError } {
  const value = raw.trim();
  if (!value) return { ok: true, seconds: null };
  if (value.startsWith("-")) return { ok: false, error: "offsetNegative" };
  let seconds: number;
  if (/^\d{1,5}$/.test(value)) seconds = Number(value);
  else {
    const match = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})$/.exec(value);
    if (!match) return { ok: false, error: "offsetInvalid" };
    const [, h = "0", m = "0", s = "0"] = match;
    if (Number(s) > 59 || (match[1] !== undefined && Number(m) > 59))
      return { ok: false, error: "offsetInvalid" };
    seconds = Number(h) * 3600 + Number(m) * 60 + Number(s);
  }
  if (seconds > MAX_SECONDS) return { ok: false, error: "offsetInvalid" };
  return { ok: true, seconds };
}

/** Whether a moment fits the recording: within its length when the length is known. */
export function checkOffset(seconds: number, recordingSeconds: number | null): OffsetError | null {
  if (!Number.isInteger(seconds) || seconds < 0) return "offsetNegative";
  if (recordingSeconds !== null && seconds > recordingSeconds) return "offsetBeyondRecording";
  return null;
}

/** "12:34", "1:02:03". */
export function formatOffset(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** An ISO 8601 duration ("PT12M34S"), as schema.org and frab-style exports write lengths. */
export function isoDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `PT${h ? `${h}H` : ""}${m ? `${m}M` : ""}${s || (!h && !m) ? `${s}S` : ""}`;
}
