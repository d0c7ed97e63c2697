import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchOnce, json, request, text } from "./http-client.mjs";

// A loopback server on a port the system picks, answering what each path asks for.
let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.url === "/echo") {
        res.setHeader("x-method", req.method ?? "");
        res.setHeader("x-length", req.headers["content-length"] ?? "none");
        res.end(Buffer.concat(chunks));
      } else if (req.url === "/gzip") {
        res.writeHead(200, { "content-encoding": "gzip", "content-type": "application/json" });
        res.end(zlib.gzipSync(JSON.stringify({ seats: 250, city: "上海" })));
      } else if (req.url === "/teapot") {
        res.writeHead(418, { "set-cookie": ["a=1", "b=2"] });
        res.end("short and stout");
      } else if (req.url === "/slow") {
        setTimeout(() => res.end("late"), 2_000);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe("request", () => {
  it("sends the method, the body and its length, and reads status, headers and body", async () => {
    const answer = await request(base, { method: "POST", path: "/echo", body: "配额 250" });
    expect(answer.status).toBe(200);
    expect(answer.headers["x-method"]).toBe("POST");
    expect(answer.headers["x-length"]).toBe(String(Buffer.byteLength("配额 250")));
    expect(text(answer)).toBe("配额 250");
    expect(answer.ms).toBeGreaterThan(0);
    expect(answer.error).toBeUndefined();
  });

  it("returns a 4xx as an answer, with every Set-Cookie", async () => {
    const answer = await request(base, { path: "/teapot" });
    expect(answer.status).toBe(418);
    expect(answer.headers["set-cookie"]).toEqual(["a=1", "b=2"]);
  });

  it("reads a compressed body as text and JSON, and counts the bytes as sent", async () => {
    const answer = await request(base, { path: "/gzip" });
    expect(json(answer)).toEqual({ seats: 250, city: "上海" });
    expect(answer.bytes).toBe(answer.raw.length);
    expect(answer.raw.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
  });

  it("gives up after the timeout, with status 0, instead of rejecting", async () => {
    const answer = await request(base, { path: "/slow", timeoutMs: 200 });
    expect(answer).toMatchObject({ status: 0, error: "TIMEOUT" });
  });

  it("answers a refused connection with status 0 and its code", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const answer = await request(`http://127.0.0.1:${port}`, { path: "/" });
    expect(answer).toMatchObject({ status: 0, error: "ECONNREFUSED", retried: false });
    expect(json(answer)).toBeUndefined();
  });
});

describe("fetchOnce", () => {
  it("opens a connection of its own for each request, closed after the answer", async () => {
    let connections = 0;
    const seen: string[] = [];
    const own = http.createServer((req, res) => {
      seen.push(req.headers.connection ?? "none");
      res.end("ok");
    });
    own.on("connection", () => connections++);
    await new Promise<void>((resolve) => own.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(own.address() as AddressInfo).port}/`;
    try {
      for (let i = 0; i < 3; i++) expect(await (await fetchOnce(url, { headers: { "x-n": String(i) } })).text()).toBe("ok");
      // Plain fetch would have reused the first connection for all three.
      expect(connections).toBe(3);
      expect(seen).toEqual(["close", "close", "close"]);
    } finally {
      own.close();
    }
  });
});
