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
});
