import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { adoptConnection } from "./adopt-connection.mjs";

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/**
 * An HTTP server that never listens, fed by a plain TCP listener as server.mjs's first process
 * feeds a server process: each connection accepted paused, then adopted.
 */
async function handedOver(): Promise<number> {
  // Written in two parts, as Next streams a body after the headers.
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.write("first part, ");
    setImmediate(() => res.end("second part"));
  });
  const listener = net.createServer({ pauseOnConnect: true }, (socket) => adoptConnection(server, socket));
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        listener.close(() => resolve());
      }),
  );
  return (listener.address() as net.AddressInfo).port;
}

/** Milliseconds of each of `count` requests, one after another on one keep-alive connection. */
async function timings(port: number, count: number): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      const body = await new Promise<string>((resolve, reject) => {
        http
          .get({ host: "127.0.0.1", port, path: "/", agent }, (res) => {
            let text = "";
            res.setEncoding("utf8");
            res.on("data", (chunk: string) => (text += chunk));
            res.on("end", () => resolve(text));
          })
          .on("error", reject);
      });
      times.push(performance.now() - started);
      expect(body).toBe("first part, second part");
    }
  } finally {
    agent.destroy();
  }
  return times;
}

describe("a connection handed over to a server process", () => {
  it("gets an answer written in two parts without waiting for the client's delayed acknowledgement", async () => {
    const times = await timings(await handedOver(), 15);
    const median = times.sort((a, b) => a - b)[7]!;
    // With Nagle's algorithm left on, each answer waits about 40 ms for the client's ACK on Linux;
    // without it, a few milliseconds: well under 30 even on a busy machine.
    expect(median).toBeLessThan(30);
  });
});
