import http from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, createGunzip, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { compressResponse } from "./compress-response.mjs";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(handler: Handler) {
  server = http.createServer((req, res) => {
    compressResponse(req, res);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** The raw answer: headers and the bytes as they crossed the wire (no decoding). */
function get(port: number, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ headers: http.IncomingHttpHeaders; status: number; body: Buffer }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: "/", method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ headers: res.headers, status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

const page = "<!DOCTYPE html><p>Agenda 议程</p>".repeat(200);

describe("compressResponse", () => {
  it("compresses a body ended in one piece, with its exact length, Vary and a weak ETag", async () => {
    const port = await serve((req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("etag", '"v1"');
      res.setHeader("vary", "rsc");
      res.setHeader("content-length", Buffer.byteLength(page));
      res.end(page);
    });
    const answer = await get(port, { "accept-encoding": "gzip, deflate" });
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(answer.headers["content-length"]).toBe(String(answer.body.length));
    expect(answer.headers.vary).toBe("rsc, Accept-Encoding");
    expect(answer.headers.etag).toBe('W/"v1"');
    expect(answer.body.length).toBeLessThan(Buffer.byteLength(page) / 5);
    expect(gunzipSync(answer.body).toString()).toBe(page);

    const br = await get(port, { "accept-encoding": "gzip, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).toString()).toBe(page);
  });

  it("answers identity to a client that accepts no coding, still saying it varies", async () => {
    let seen: string | undefined = "unset";
    const port = await serve((req, res) => {
      seen = req.headers["accept-encoding"];
      res.setHeader("content-type", "application/json");
      res.setHeader("etag", '"v1"');
      res.end(page);
    });
    const requests: Record<string, string>[] = [{}, { "accept-encoding": "gzip;q=0" }];
    for (const headers of requests) {
      const answer = await get(port, headers);
      expect(answer.headers["content-encoding"]).toBeUndefined();
      expect(answer.headers.vary).toBe("Accept-Encoding");
      expect(answer.headers.etag).toBe('"v1"');
      expect(answer.body.toString()).toBe(page);
    }
    // What handles the request answers in plain bytes: it never sees the header.
    await get(port, { "accept-encoding": "gzip" });
    expect(seen).toBeUndefined();
  });

  it("leaves small bodies, images, encoded bodies, 304 and HEAD as they are", async () => {
    const png = Buffer.alloc(5000, 7);
    const port = await serve((req, res) => {
      const url = req.url ?? "/";
      if (req.method === "HEAD") {
        res.writeHead(200, { "content-type": "text/html", "content-length": "5000" });
        return res.end();
      }
      if (url === "/small") return res.writeHead(200, { "content-type": "text/plain" }).end("hello");
      if (url === "/png") return res.writeHead(200, { "content-type": "image/png" }).end(png);
      if (url === "/gz") return res.writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip" }).end(png);
      res.writeHead(304, { etag: '"v1"' }).end();
    });
    const at = (path: string, method = "GET") =>
      new Promise<http.IncomingMessage & { body: Buffer }>((resolve) => {
        http.request({ host: "127.0.0.1", port, path, method, headers: { "accept-encoding": "gzip" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve(Object.assign(res, { body: Buffer.concat(chunks) })));
        }).end();
      });
    const small = await at("/small");
    expect([small.headers["content-encoding"], small.body.toString()]).toEqual([undefined, "hello"]);
    const image = await at("/png");
    expect([image.headers["content-encoding"], image.body.equals(png)]).toEqual([undefined, true]);
    const encoded = await at("/gz");
    expect([encoded.headers["content-encoding"], encoded.body.equals(png)]).toEqual(["gzip", true]);
    const notModified = await at("/304");
    expect([notModified.statusCode, notModified.headers["content-encoding"]]).toEqual([304, undefined]);
    const head = await at("/", "HEAD");
    expect([head.headers["content-encoding"], head.headers["content-length"]]).toEqual([undefined, "5000"]);
  });

  it("streams: each part is readable when flushed, before the response ends", async () => {
    let release: () => void = () => {};
    const clientHasFirst = new Promise<void>((resolve) => (release = resolve));
    const port = await serve(async (req, res) => {
      res.setHeader("content-type", "text/x-component");
      res.flushHeaders();
      res.write("first part;");
      (res as unknown as { flush: () => void }).flush();
      await clientHasFirst;
      res.write("second part");
      res.end();
    });
    const text = await new Promise<string>((resolve) => {
      http.get({ host: "127.0.0.1", port, path: "/", headers: { "accept-encoding": "gzip" } }, (res) => {
        expect(res.headers["content-encoding"]).toBe("gzip");
        expect(res.headers["content-length"]).toBeUndefined();
        let decoded = "";
        const gunzip = res.pipe(createGunzip());
        gunzip.on("data", (chunk: Buffer) => {
          decoded += chunk.toString();
          if (decoded === "first part;") release();
        });
        gunzip.on("end", () => resolve(decoded));
      });
    });
    expect(text).toBe("first part;second part");
  });

  it("streams a large body written with back-pressure whole and in order", async () => {
    const parts = Array.from({ length: 400 }, (_, i) => `${i},session ${i},${"x".repeat(i % 97)}\n`.repeat(100));
    const port = await serve(async (req, res) => {
      res.writeHead(200, { "content-type": "text/csv; charset=utf-8" });
      for (const part of parts) {
        if (!res.write(part)) await new Promise((resolve) => res.once("drain", resolve));
      }
      res.end();
    });
    const answer = await get(port, { "accept-encoding": "gzip" });
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(answer.body).toString()).toBe(parts.join(""));
  });
});
