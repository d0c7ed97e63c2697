import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { hashInlineScripts } from "./hash-inline-scripts.mjs";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(handler: Handler, https = false) {
  server = http.createServer((req, res) => {
    hashInlineScripts(res, https);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

function get(port: number) {
  return new Promise<{ headers: http.IncomingHttpHeaders; status: number; body: Buffer }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: "/" }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ headers: res.headers, status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

const sha256 = (script: string) => `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`;
const scriptSources = (policy: string | string[] | undefined) => String(policy ?? "").split("; ").find((d) => d.startsWith("script-src"));

const first = 'self.__next_f.push([1,"议程"])';
const second = "document.documentElement.lang='zh-CN'";
const page = ["<!DOCTYPE html><html><head>", `<script>${first}</script>`, '<script src="/_next/static/app.js"></script>', `</head><body><script>${second}</script></body></html>`];

describe("hashInlineScripts", () => {
  it("sends an HTML page written in parts whole, with its length and the hashes of its inline scripts only", async () => {
    const written: string[] = [];
    const port = await serve((_req, res) => {
      res.writeHead(201, "Made", { "content-type": "text/html; charset=utf-8", "x-route": "page" });
      res.write(page[0], () => written.push("first"));
      res.write(page[1], "utf8", () => written.push("second"));
      res.write(Buffer.from(page[2]!));
      res.end(new TextEncoder().encode(page[3]));
    });
    const answer = await get(port);
    expect(answer.status).toBe(201);
    expect(answer.headers["x-route"]).toBe("page");
    expect(answer.body.toString()).toBe(page.join(""));
    expect(answer.headers["content-length"]).toBe(String(answer.body.length));
    expect(answer.headers["transfer-encoding"]).toBeUndefined();
    expect(scriptSources(answer.headers["content-security-policy"])).toBe(`script-src 'self' ${sha256(first)} ${sha256(second)}`);
    // Whoever writes (Next) waits for its writes to be taken.
    expect(written).toEqual(["first", "second"]);
  });

  it("hashes the scripts of a page that arrives compressed, and lists none when it cannot be read", async () => {
    const html = page.join("");
    let body = gzipSync(html);
    const port = await serve((_req, res) => {
      res.setHeader("content-type", "text/html");
      res.setHeader("content-encoding", "gzip");
      res.end(body);
    });
    const gzip = await get(port);
    expect(gzip.body.equals(body)).toBe(true);
    expect(scriptSources(gzip.headers["content-security-policy"])).toBe(`script-src 'self' ${sha256(first)} ${sha256(second)}`);

    body = body.subarray(0, 40); // cut short: gzip cannot read it
    const broken = await get(port);
    expect(broken.status).toBe(200);
    expect(scriptSources(broken.headers["content-security-policy"])).toBe("script-src 'self'");
  });

  it("lets any other response through as it is written, streamed and without a policy of its own", async () => {
    const port = await serve((_req, res) => {
      res.setHeader("content-type", "application/json");
      res.write('{"a":');
      res.end("1}");
    });
    const answer = await get(port);
    expect(answer.body.toString()).toBe('{"a":1}');
    expect(answer.headers["transfer-encoding"]).toBe("chunked");
    expect(answer.headers["content-security-policy"]).toBeUndefined();
  });
});
