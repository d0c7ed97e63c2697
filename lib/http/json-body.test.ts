import { describe, expect, it, vi } from "vitest";
import { DRAIN_LIMIT, isJsonContentType, readJsonObject } from "./json-body";

const MAX = 64;

function post(
  body: BodyInit | null,
  headers: Record<string, string> = { "content-type": "application/json" },
) {
  return new Request("http://forum.test/api", { method: "POST", body, headers });
}

/** A body whose length nobody declared: the way a chunked upload arrives. */
function streamed(parts: string[]) {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part));
      controller.close();
    },
  });
  return new Request("http://forum.test/api", {
    method: "POST",
    body: stream,
    headers: { "content-type": "application/json" },
    duplex: "half",
  } as RequestInit);
}

describe("isJsonContentType", () => {
  it("accepts JSON with or without parameters", () => {
    expect(isJsonContentType("application/json")).toBe(true);
    expect(isJsonContentType("Application/JSON; charset=utf-8")).toBe(true);
    expect(isJsonContentType("application/merge-patch+json")).toBe(true);
  });
  it("refuses anything else", () => {
    for (const type of [
      null,
      "",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data",
      "application/jsonx",
    ]) {
      expect(isJsonContentType(type)).toBe(false);
    }
  });
});

describe("readJsonObject", () => {
  it("reads an object", async () => {
    expect(await readJsonObject(post('{"a":1}'), MAX)).toEqual({ ok: true, value: { a: 1 } });
  });

  it("answers 415 for a body that is not declared as JSON", async () => {
    const result = await readJsonObject(post('{"a":1}', { "content-type": "text/plain" }), MAX);
    expect(result).toMatchObject({ ok: false, status: 415 });
  });

  it("answers 413 from Content-Length alone, and from the bytes when the header is absent", async () => {
    expect(await readJsonObject(post(`{"a":"${"x".repeat(MAX)}"}`), MAX)).toMatchObject({
      status: 413,
    });
    const big = streamed(['{"a":"', "x".repeat(40), "x".repeat(40), '"}']);
    expect(big.headers.get("content-length")).toBeNull();
    expect(await readJsonObject(big, MAX)).toMatchObject({ status: 413 });
  });

  it("accepts a body of exactly the limit", async () => {
    const body = `{"a":"${"x".repeat(MAX - 8)}"}`;
    expect(body).toHaveLength(MAX);
    expect(await readJsonObject(post(body), MAX)).toMatchObject({ ok: true });
  });

  it("counts bytes, not characters", async () => {
    const body = `{"a":"${"车".repeat(20)}"}`; // 26 characters, 68 bytes
    expect(await readJsonObject(streamed([body]), MAX)).toMatchObject({ status: 413 });
  });

  it("answers 400 for malformed JSON, bad UTF-8, an empty body and anything but an object", async () => {
    for (const body of ["{", "", "nul", "null", "[]", "[1]", '"text"', "42", "true"]) {
      expect(await readJsonObject(post(body), MAX), body).toMatchObject({ ok: false, status: 400 });
    }
    const invalidUtf8 = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]);
    expect(await readJsonObject(post(invalidUtf8), MAX)).toMatchObject({ status: 400 });
  });
});

describe("a refused body", () => {
  /** A body of `chunks` pieces of `size` bytes; says how many were read and whether it was cancelled. */
  function counted(chunks: number, size: number) {
    const piece = new Uint8Array(size).fill(0x78);
    const seen = { read: 0, cancelled: false, ended: false };
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (seen.read === chunks) {
          seen.ended = true;
          return controller.close();
        }
        seen.read += 1;
        controller.enqueue(piece);
      },
      cancel() {
        seen.cancelled = true;
        seen.ended = true;
      },
    });
    const request = new Request("http://forum.test/api", {
      method: "POST",
      body,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    return { request, seen };
  }
  // The rest of the body is read after the answer: wait until the stream has ended, however long.
  const ended = (seen: { ended: boolean }) => vi.waitFor(() => expect(seen.ended).toBe(true), { timeout: 4_000 });

  it("is read to its end after the 413, so that the client still reads the answer", async () => {
    const { request, seen } = counted(40, 1024);
    expect(await readJsonObject(request, MAX)).toMatchObject({ status: 413 });
    await ended(seen);
    expect(seen).toEqual({ read: 40, cancelled: false, ended: true });
  });

  it("is cut once it passes the drain limit", async () => {
    const { request, seen } = counted(DRAIN_LIMIT / (1 << 20) + 8, 1 << 20);
    expect(await readJsonObject(request, MAX)).toMatchObject({ status: 413 });
    await ended(seen);
    expect(seen.cancelled).toBe(true);
    expect(seen.read).toBeLessThan(DRAIN_LIMIT / (1 << 20) + 8);
  });
});
