import { describe, expect, it } from "vitest";
import { checkActionBody, checkActionHeaders, isPagePost, jsonDepth } from "./action-precheck.mjs";

const ok = { host: "forum.test", origin: "http://forum.test", "content-length": "120", "content-type": "multipart/form-data; boundary=x", "next-action": "abc" };

describe("isPagePost", () => {
  it("takes POSTs to pages, not to the API or to route handlers", () => {
    expect(isPagePost("POST", "/en/register")).toBe(true);
    expect(isPagePost("POST", "/zh-CN/admin/speakers?x=1")).toBe(true);
    expect(isPagePost("GET", "/en/register")).toBe(false);
    expect(isPagePost("POST", "/api/v1/registrations")).toBe(false);
    expect(isPagePost("POST", "/en/admin/speakers/4/photo")).toBe(false);
    expect(isPagePost("POST", "/zh-CN/speaker/photo")).toBe(false);
    expect(isPagePost("POST", "/en/speaker/sessions/12/slides")).toBe(false);
    expect(isPagePost("POST", "/en/speaker")).toBe(true);
    expect(isPagePost("POST", "/agenda.ics")).toBe(false);
    expect(isPagePost("POST", "/en/admin/attendees/export.csv?status=confirmed")).toBe(false);
  });
});

describe("checkActionHeaders", () => {
  it("passes a form from our own page", () => {
    expect(checkActionHeaders(ok)).toBeNull();
    expect(checkActionHeaders({ ...ok, "content-type": "text/plain;charset=UTF-8" })).toBeNull();
    const { "next-action": _, ...noScript } = ok;
    expect(checkActionHeaders({ ...noScript, "content-type": "application/x-www-form-urlencoded" })).toBeNull();
  });

  it("refuses another site, a missing or huge length, and other body types", () => {
    expect(checkActionHeaders({ ...ok, origin: "https://evil.example" })?.status).toBe(403);
    expect(checkActionHeaders({ ...ok, "sec-fetch-site": "cross-site" })?.status).toBe(403);
    const { "content-length": _, ...chunked } = ok;
    expect(checkActionHeaders(chunked)?.status).toBe(411);
    expect(checkActionHeaders({ ...ok, "content-length": "-1" })?.status).toBe(400);
    expect(checkActionHeaders({ ...ok, "content-length": String(10 * 1024 * 1024) })?.status).toBe(413);
    expect(checkActionHeaders({ ...ok, "content-type": "application/json" })?.status).toBe(415);
  });
});

describe("jsonDepth", () => {
  it("counts nesting outside strings", () => {
    expect(jsonDepth('["$K1"]')).toBe(1);
    expect(jsonDepth('{"a":[{"b":"[[[[["}]}')).toBe(3);
    expect(jsonDepth('"\\"[[["')).toBe(0);
    expect(jsonDepth("[".repeat(100_000))).toBe(100_000);
  });
});

describe("checkActionBody", () => {
  const multipart = (parts: Record<string, string>) => {
    const body = Object.entries(parts)
      .map(([name, value]) => `--boundary4Xq9\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join("");
    return Buffer.from(body + "--boundary4Xq9--\r\n");
  };
  const type = "multipart/form-data; boundary=boundary4Xq9";

  it("passes what React sends", async () => {
    expect(await checkActionBody(multipart({ "1_email": "a@b.test", "1_name": "李 [x]", "0": '["$K1"]' }), type)).toBeNull();
    expect(await checkActionBody(Buffer.from('["2024-07-11",{"a":1}]'), "text/plain;charset=UTF-8")).toBeNull();
  });

  it("refuses broken UTF-8, a broken multipart body and deep arguments", async () => {
    expect((await checkActionBody(Buffer.concat([multipart({ name: "x" }), Buffer.from([0xff, 0xfe])]), type))?.status).toBe(400);
    expect((await checkActionBody(Buffer.from("--boundary4Xq9\r\nno headers here"), type))?.status).toBe(400);
    expect((await checkActionBody(multipart({ "0": "[".repeat(1000) }), type))?.status).toBe(400);
    expect((await checkActionBody(Buffer.from("[".repeat(100_000)), "text/plain"))?.status).toBe(400);
  });

  it("refuses arguments that are not JSON, not a list, too many, or point at parts not sent", async () => {
    const text = (body: string) => checkActionBody(Buffer.from(body), "text/plain;charset=UTF-8");
    expect((await text("[{"))?.status).toBe(400);
    expect((await text('"x"'))?.status).toBe(400);
    expect((await text(JSON.stringify(Array.from({ length: 1001 }, () => null))))?.status).toBe(400);
    for (const pointer of ["$1", "$@1", "$F1", "$Q1", "$B1", "$h1", "$T", "$@0"]) {
      expect((await text(JSON.stringify([pointer])))?.status, pointer).toBe(400);
    }
    expect((await checkActionBody(multipart({ "0": '["$K1",{"a":"$1"}]' }), type))?.status).toBe(400);
  });

  it("passes the constants and escapes React writes, and pointers to parts that were sent", async () => {
    const text = (body: string) => checkActionBody(Buffer.from(body), "text/plain;charset=UTF-8");
    expect(await text('["$$5 off",{"a":"$undefined","b":"$D2024-07-11T00:00:00.000Z","c":"$n12","d":"$-0"}]')).toBeNull();
    expect(await checkActionBody(multipart({ "1": '{"x":1}', "0": '["$1","$K2","$@1"]' }), type)).toBeNull();
  });
});
