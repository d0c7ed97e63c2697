import { describe, expect, it, vi } from "vitest";
import { guarded } from "./guarded";

describe("guarded", () => {
  it("passes answers through", async () => {
    const handler = guarded(async (n: number) => new Response(String(n), { status: 201 }));
    const response = await handler(7);
    expect(response.status).toBe(201);
    expect(await response.text()).toBe("7");
  });

  it("turns a failure into JSON without its details", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const failing = guarded(async () => {
      throw new Error("secret detail");
    });
    const response = await failing();
    expect(response.status).toBe(500);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).not.toContain("secret detail");

    const busy = guarded(async () => {
      throw Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
    });
    const retry = await busy();
    expect(retry.status).toBe(503);
    expect(retry.headers.get("retry-after")).toBe("1");
    log.mockRestore();
  });

  it("refuses a request that changes data from another site before the handler runs", async () => {
    const handler = vi.fn(async (_request: Request) => new Response("done"));
    const wrapped = guarded(handler);
    const post = (headers: Record<string, string>) =>
      new Request("http://forum.test/api/checkin", { method: "POST", headers: { host: "forum.test", ...headers } });
    const refused = await wrapped(post({ origin: "https://evil.example" }));
    expect(refused.status).toBe(403);
    expect(handler).not.toHaveBeenCalled();
    expect((await wrapped(post({ origin: "http://forum.test" }))).status).toBe(200);
    // Reading is allowed from anywhere: the public API answers other sites (CORS).
    const read = new Request("http://forum.test/api/v1/sessions", { headers: { origin: "https://evil.example" } });
    expect((await wrapped(read)).status).toBe(200);
  });
});
