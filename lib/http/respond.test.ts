import { describe, expect, it } from "vitest";
import { mayCompress, MIN_SIZE } from "../../server/compression.mjs";
import { json, problem } from "./respond";

/** The headers as server.mjs's compressor sees them once Next has copied them onto the response. */
const headersOf = (response: Response) => Object.fromEntries(response.headers.entries());

describe("json", () => {
  it("says its length in bytes, multi-byte characters included", async () => {
    const response = json({ message: "报名已收到" }, 201);
    const bytes = new Uint8Array(await response.clone().arrayBuffer());
    expect(response.headers.get("content-length")).toBe(String(bytes.length));
    expect(await response.json()).toEqual({ message: "报名已收到" });
  });

  it("leaves a small answer uncompressed and lets a large one be compressed", () => {
    const small = problem(400, "The registration was not saved.");
    expect(Number(small.headers.get("content-length"))).toBeLessThan(MIN_SIZE);
    expect(mayCompress({ method: "POST", status: 400, headers: headersOf(small) })).toBe(false);
    const large = json({ sessions: Array.from({ length: 50 }, (_, i) => ({ id: i, title: `Session ${i}` })) });
    expect(Number(large.headers.get("content-length"))).toBeGreaterThanOrEqual(MIN_SIZE);
    expect(mayCompress({ method: "GET", status: 200, headers: headersOf(large) })).toBe(true);
  });
});
