import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  compressBody,
  compressibleType,
  mayCompress,
  MIN_SIZE,
  negotiateEncoding,
  storedBrotli,
  varyWithEncoding,
  weakEtag,
} from "./compression.mjs";

describe("negotiateEncoding", () => {
  it("answers in the coding the client rates highest, br on a tie", () => {
    expect(negotiateEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(negotiateEncoding("gzip, deflate")).toBe("gzip");
    expect(negotiateEncoding("br;q=0.5, gzip;q=0.8")).toBe("gzip");
    expect(negotiateEncoding("GZIP")).toBe("gzip");
    expect(negotiateEncoding("x-gzip")).toBe("gzip");
  });

  it("never uses a coding the client refuses with q=0, nor one it does not name", () => {
    expect(negotiateEncoding("gzip;q=0, br;q=0")).toBeNull();
    expect(negotiateEncoding("br;q=0, gzip")).toBe("gzip");
    expect(negotiateEncoding("deflate")).toBeNull();
    expect(negotiateEncoding("identity")).toBeNull();
    expect(negotiateEncoding("")).toBeNull();
    expect(negotiateEncoding(undefined)).toBeNull();
  });

  it("reads * as any coding the header does not name", () => {
    expect(negotiateEncoding("*")).toBe("br");
    expect(negotiateEncoding("br;q=0, *")).toBe("gzip");
    expect(negotiateEncoding("*;q=0")).toBeNull();
  });

  it("chooses among the copies there are", () => {
    expect(negotiateEncoding("gzip, br", ["gzip"])).toBe("gzip");
    expect(negotiateEncoding("br", ["gzip"])).toBeNull();
  });

  it("ignores a q that is not a weight", () => {
    expect(negotiateEncoding("br;q=2, gzip")).toBe("gzip");
    expect(negotiateEncoding("br;q=abc, gzip;q=0.1")).toBe("gzip");
  });
});

describe("compressibleType", () => {
  it("compresses text, JSON, XML, scripts, calendars, CSV and RSC payloads", () => {
    for (const type of [
      "text/html; charset=utf-8",
      "application/json",
      "application/xml; charset=utf-8",
      "text/calendar; charset=utf-8",
      "text/csv; charset=utf-8",
      "text/x-component",
      "application/javascript",
      "text/css",
      "image/svg+xml",
      "application/manifest+json",
      "application/problem+json",
    ]) {
      expect(compressibleType(type), type).toBe(true);
    }
  });

  it("leaves alone what is compressed already, event streams and unknown types", () => {
    for (const type of [
      "image/png",
      "image/jpeg",
      "image/webp",
      "application/zip",
      "application/pdf",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "font/woff2",
      "text/event-stream",
      "application/octet-stream",
      undefined,
    ]) {
      expect(compressibleType(type), String(type)).toBe(false);
    }
  });
});

describe("mayCompress", () => {
  const html = { "content-type": "text/html; charset=utf-8" };
  const ok = { method: "GET", status: 200, headers: html };

  it("compresses a page, whether or not its length is known yet", () => {
    expect(mayCompress(ok)).toBe(true);
    expect(mayCompress({ ...ok, length: MIN_SIZE })).toBe(true);
    expect(mayCompress({ ...ok, status: 404, headers: { ...html, "content-length": "5000" } })).toBe(true);
  });

  it("leaves small bodies, bodiless answers, HEAD and partial content alone", () => {
    expect(mayCompress({ ...ok, length: MIN_SIZE - 1 })).toBe(false);
    expect(mayCompress({ ...ok, headers: { ...html, "content-length": "200" } })).toBe(false);
    for (const status of [101, 204, 206, 304]) expect(mayCompress({ ...ok, status }), String(status)).toBe(false);
    expect(mayCompress({ ...ok, method: "HEAD" })).toBe(false);
  });

  it("never compresses twice, nor against Cache-Control: no-transform", () => {
    expect(mayCompress({ ...ok, headers: { ...html, "content-encoding": "gzip" } })).toBe(false);
    expect(mayCompress({ ...ok, headers: { ...html, "content-encoding": "identity" } })).toBe(true);
    expect(mayCompress({ ...ok, headers: { ...html, "cache-control": "public, no-transform" } })).toBe(false);
  });

  it("leaves images and files alone", () => {
    expect(mayCompress({ ...ok, headers: { "content-type": "image/png" } })).toBe(false);
    expect(mayCompress({ ...ok, headers: { "content-type": "application/pdf" } })).toBe(false);
  });
});

describe("varyWithEncoding", () => {
  it("adds Accept-Encoding once to what Vary already says", () => {
    expect(varyWithEncoding(undefined)).toBe("Accept-Encoding");
    expect(varyWithEncoding("rsc, next-router-state-tree")).toBe("rsc, next-router-state-tree, Accept-Encoding");
    expect(varyWithEncoding(["rsc", "Accept-Encoding"])).toBe("rsc, Accept-Encoding");
    expect(varyWithEncoding("accept-encoding")).toBe("accept-encoding");
    expect(varyWithEncoding("*")).toBe("*");
  });
});

describe("weakEtag", () => {
  it("makes a strong tag weak and leaves a weak one as it is", () => {
    expect(weakEtag('"abc"')).toBe('W/"abc"');
    expect(weakEtag('W/"abc"')).toBe('W/"abc"');
    expect(weakEtag(undefined)).toBeUndefined();
  });
});

describe("compressBody and storedBrotli", () => {
  const body = Buffer.from("<p>会议 agenda</p>".repeat(500));

  it("give bytes that decode to the body, much smaller", async () => {
    const gzip = compressBody("gzip", body);
    expect(gunzipSync(gzip).equals(body)).toBe(true);
    expect(gzip.length).toBeLessThan(body.length / 10);
    const br = compressBody("br", body);
    expect(brotliDecompressSync(br).equals(body)).toBe(true);
    expect(br.length).toBeLessThan(body.length / 10);
    const stored = await storedBrotli(body);
    expect(brotliDecompressSync(stored).equals(body)).toBe(true);
    expect(stored.length).toBeLessThanOrEqual(br.length);
  });
});
