/**
 * One byte range of a `Range` header (RFC 9110 §14), for files served in parts: a video seeks, a
 * download resumes. Several ranges in one request are answered with the whole file, as the RFC allows.
 */

export type RangeAnswer =
  { kind: "whole" } | { kind: "partial"; start: number; end: number } | { kind: "unsatisfiable" };

/** `end` is inclusive, as in Content-Range. */
export function parseRange(header: string | null, size: number): RangeAnswer {
  if (!header) return { kind: "whole" };
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Another unit, several ranges or nonsense: the whole file is a correct answer to each.
  if (!match) return { kind: "whole" };
  const [, first = "", last = ""] = match;
  if (!first && !last) return { kind: "whole" };
  if (!first) {
    // The last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return { kind: "unsatisfiable" };
  const end = last ? Math.min(Number(last), size - 1) : size - 1;
  if (end < start) return { kind: "whole" };
  return { kind: "partial", start, end };
}
