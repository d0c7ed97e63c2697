import { describe, expect, it, vi } from "vitest";
import { etagOf } from "./etag";
import {
  preflight,
  publicJson,
  publicResponse,
  publicRoute,
} from "./public-response";

const get = (headers: Record<string, string> = {}) => new Request("http://test/api", { headers });

describe("publicResponse", () => {
  it("answers 200 with the body, cacheable and readable from any origin", async () => {
    const response = publicJson(get(), { a: 1 });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"a":1}');
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("etag")).toBe(etagOf('{"a":1}'));
  });

  it("answers 304 without a body to a client holding the same bytes, and 200 otherwise", async () => {
    const tag = etagOf("<x/>");
    const options = { contentType: "application/xml", maxAge: 300 };
    const same = publicResponse(get({ "if-none-match": tag }), "<x/>", options);
    expect(same.status).toBe(304);
    expect(await same.text()).toBe("");
    expect(same.headers.get("etag")).toBe(tag);
    expect(same.headers.get("cache-control")).toBe("public, max-age=300");
    const changed = publicResponse(get({ "if-none-match": tag }), "<y/>", options);
    expect(changed.status).toBe(200);
  });
});

describe("preflight", () => {
  it("allows reading only, and the headers asked for when well formed", () => {
    const ok = preflight(
      get({ "access-control-request-headers": "if-none-match, x-requested-with" }),
    );
    expect(ok.status).toBe(204);
    expect(ok.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(ok.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
    expect(ok.headers.get("access-control-allow-headers")).toBe("if-none-match, x-requested-with");
    expect(ok.headers.get("access-control-allow-origin")).toBe("*");
    const odd = preflight(get({ "access-control-request-headers": "a b; c" }));
    expect(odd.headers.get("access-control-allow-headers")).toBe("If-None-Match");
  });
});

describe("publicRoute", () => {
  it("adds CORS to every answer, failures included", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const failing = publicRoute(() => {
      throw new Error("secret");
    });
    const response = await failing();
    expect(response.status).toBe(500);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.text()).not.toContain("secret");
    log.mockRestore();
    const plain = publicRoute(() => new Response("x", { status: 404 }));
    expect((await plain()).headers.get("access-control-allow-origin")).toBe("*");
  });
});
