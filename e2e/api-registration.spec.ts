import http from "node:http";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { event } from "../db/seed/article";
import { openApiDocument } from "../lib/api/openapi";
import { openApiValidator } from "../lib/api/openapi-validator";
import { one } from "./fixtures/content-db";

// The registration API against the main e2e server (capacity 250). Every answer is checked against
// the OpenAPI document as it arrives; the last test checks that each documented answer occurs.

const REGISTRATIONS = "/api/v1/registrations";
const ITEM = "/api/v1/registrations/{code}";
const validator = openApiValidator(JSON.parse(JSON.stringify(openApiDocument(event))));

type Body = Record<string, unknown>;

const uniqueEmail = () => `${crypto.randomUUID()}@example.test`;

function registration(overrides: Body = {}): Body {
  return {
    fullName: "Li Wei",
    email: uniqueEmail(),
    organisation: "Example Motors",
    jobTitle: "Head of Strategy",
    category: "industry",
    days: ["2024-07-11", "2024-07-12"],
    consent: true,
    ...overrides,
  };
}

/** Reads the answer, and checks it is uncached JSON of the shape the document gives that status. */
async function documented(response: APIResponse, path: string, method: string): Promise<Body> {
  expect(response.status(), "no answer of the API is a server error").toBeLessThan(500);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  const body = (await response.json()) as Body;
  expect(
    validator.response(path, method, response.status(), body),
    `${method} ${path} ${response.status()}`,
  ).toEqual([]);
  return body;
}

async function post(request: APIRequestContext, data: Body) {
  const response = await request.post(REGISTRATIONS, { data });
  return {
    status: response.status(),
    body: await documented(response, REGISTRATIONS, "post"),
    response,
  };
}

async function register(request: APIRequestContext, overrides: Body = {}) {
  const sent = registration(overrides);
  const { status, body, response } = await post(request, sent);
  expect(status).toBe(201);
  return {
    sent,
    body: body as { code: string; status: string; position?: number; manageToken: string },
    response,
  };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function get(request: APIRequestContext, code: string, headers: Record<string, string> = {}) {
  const response = await request.get(`${REGISTRATIONS}/${code}`, { headers });
  return { status: response.status(), body: await documented(response, ITEM, "get"), response };
}

async function remove(
  request: APIRequestContext,
  code: string,
  headers: Record<string, string> = {},
) {
  const response = await request.delete(`${REGISTRATIONS}/${code}`, { headers });
  return { status: response.status(), body: await documented(response, ITEM, "delete"), response };
}

/** A POST whose body arrives in chunks, with no Content-Length: only the bytes read can tell its size. */
function postChunked(
  baseURL: string,
  chunks: string[],
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(REGISTRATIONS, baseURL), {
      method: "POST",
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
    });
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    // The server may answer and close before it has read everything: that is the point.
    req.on("error", (error: NodeJS.ErrnoException) =>
      error.code === "ECONNRESET" || error.code === "EPIPE" ? undefined : reject(error),
    );
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

test.describe("POST /api/v1/registrations", () => {
  test("registers and answers 201 with the code, status and manage token", async ({ request }) => {
    const { body, response } = await register(request, {
      locale: "zh-CN",
      newsConsent: true,
      phone: "+86 21 5555 0100",
    });
    expect(body.code).toMatch(/^CAF-[2-9A-HJKMNP-Z]{8}$/);
    expect(body.manageToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(["confirmed", "waiting"]).toContain(body.status);
    expect(response.headers()["location"]).toBe(`${REGISTRATIONS}/${body.code}`);
    expect(Object.keys(body).sort()).toEqual(
      body.status === "waiting"
        ? ["code", "manageToken", "position", "status"]
        : ["code", "manageToken", "status"],
    );
  });

  // Each: the body, the field the 400 must name, and the code it must give.
  const invalid: [string, Body, string, string][] = [
    ["a missing full name", { fullName: undefined }, "fullName", "required"],
    ["an empty full name", { fullName: "" }, "fullName", "required"],
    ["a blank full name", { fullName: "   " }, "fullName", "required"],
    ["a full name too long", { fullName: "x".repeat(121) }, "fullName", "tooLong"],
    ["a full name that is a number", { fullName: 42 }, "fullName", "invalidType"],
    ["a missing email", { email: undefined }, "email", "required"],
    ["an empty email", { email: "" }, "email", "required"],
    ["an invalid email", { email: "li.wei.example.test" }, "email", "invalidEmail"],
    ["an email too long", { email: `${"a".repeat(250)}@example.test` }, "email", "tooLong"],
    [
      "an email that is an object",
      { email: { address: "a@example.test" } },
      "email",
      "invalidType",
    ],
    ["an empty organisation", { organisation: "" }, "organisation", "required"],
    ["an organisation too long", { organisation: "x".repeat(161) }, "organisation", "tooLong"],
    ["an empty job title", { jobTitle: "" }, "jobTitle", "required"],
    ["a job title too long", { jobTitle: "x".repeat(121) }, "jobTitle", "tooLong"],
    ["a job title that is a list", { jobTitle: ["CEO"] }, "jobTitle", "invalidType"],
    ["a phone with letters", { phone: "call me" }, "phone", "invalidPhone"],
    ["a phone too long", { phone: "1".repeat(33) }, "phone", "tooLong"],
    ["a phone that is a number", { phone: 862155550100 }, "phone", "invalidType"],
    ["an unknown category", { category: "press" }, "category", "invalidCategory"],
    ["a missing category", { category: undefined }, "category", "required"],
    ["a missing list of days", { days: undefined }, "days", "required"],
    ["days as a string", { days: "2024-07-11" }, "days", "invalidType"],
    ["no days", { days: [] }, "days", "noDays"],
    ["a day before the forum", { days: ["2024-07-10"] }, "days", "invalidDay"],
    ["a day after the forum", { days: ["2024-07-11", "2024-07-14"] }, "days", "invalidDay"],
    ["a day that is not a date", { days: [20240711] }, "days", "invalidDay"],
    ["dietary needs too long", { dietary: "x".repeat(501) }, "dietary", "tooLong"],
    [
      "accessibility needs too long",
      { accessibility: "x".repeat(501) },
      "accessibility",
      "tooLong",
    ],
    ["news consent as a string", { newsConsent: "yes" }, "newsConsent", "invalidType"],
    ["missing consent", { consent: undefined }, "consent", "consentRequired"],
    ["consent false", { consent: false }, "consent", "consentRequired"],
    ["consent as a string", { consent: "true" }, "consent", "consentRequired"],
    ["an unknown locale", { locale: "fr" }, "locale", "invalid"],
    ["an extra field", { status: "confirmed" }, "status", "unknownField"],
    [
      "an extra field trying for a token",
      { manageToken: "x".repeat(32) },
      "manageToken",
      "unknownField",
    ],
  ];

  for (const [name, overrides, field, code] of invalid) {
    test(`answers 400 naming ${field} for ${name}, and saves nothing`, async ({ request }) => {
      // A mark in every text field that the case leaves alone, to look for in the database.
      const mark = `invalid-${crypto.randomUUID()}`;
      const sent = registration({ fullName: `Li Wei ${mark}`, organisation: `Example Motors ${mark}`, jobTitle: `Head ${mark}`, ...overrides });
      const { status, body } = await post(request, sent);
      expect(status).toBe(400);
      expect(body.error).toEqual(expect.any(String));
      expect(body.fields).toEqual({ [field]: code });
      expect(Object.keys(body.messages as Body)).toEqual([field]);
      const saved = one<{ n: number }>(
        "select count(*) n from registrations where instr(full_name, ?) or instr(organisation, ?) or instr(job_title, ?) or email = ?",
        mark,
        mark,
        mark,
        typeof sent.email === "string" ? sent.email.trim().toLowerCase() : "",
      )!.n;
      expect(saved, "registrations saved from the refused request").toBe(0);
      // Nothing was written: the same address can still register, once.
      const email =
        typeof sent.email === "string" && sent.email.includes("@") && sent.email.length < 200
          ? sent.email
          : uniqueEmail();
      await register(request, { email });
    });
  }

  test("names every invalid field at once", async ({ request }) => {
    const { status, body } = await post(request, {
      fullName: "",
      email: "nope",
      days: ["2024-07-20"],
      extra: 1,
    });
    expect(status).toBe(400);
    expect(body.fields).toEqual({
      fullName: "required",
      email: "invalidEmail",
      organisation: "required",
      jobTitle: "required",
      category: "required",
      days: "invalidDay",
      consent: "consentRequired",
      extra: "unknownField",
    });
  });

  test("answers 400 without fields for malformed JSON and for JSON that is not an object", async ({
    request,
  }) => {
    for (const data of [
      '{"fullName": "Li Wei",',
      "",
      "null",
      "[]",
      `[${JSON.stringify(registration())}]`,
      '"text"',
      "42",
    ]) {
      const response = await request.post(REGISTRATIONS, {
        data,
        headers: { "content-type": "application/json" },
      });
      expect(response.status(), data).toBe(400);
      const body = await documented(response, REGISTRATIONS, "post");
      expect(body.fields).toBeUndefined();
    }
  });

  test("in open mode answers 409 for an email already registered, also in other case and with spaces, revealing nothing", async ({
    request,
  }) => {
    const first = await register(request);
    const email = first.sent.email as string;
    for (const variant of [
      email,
      email.toUpperCase(),
      `  ${email.replace(/^./, (c) => c.toUpperCase())}\t`,
    ]) {
      const { status, body } = await post(
        request,
        registration({ email: variant, fullName: "Someone Else" }),
      );
      expect(status, variant).toBe(409);
      // Not even the registration's status (confirm and approval modes hide the duplicate itself:
      // e2e/registration-modes.spec.ts).
      expect(body).toEqual({ error: expect.any(String) });
      const text = JSON.stringify(body);
      expect(text).not.toContain(first.body.code);
      expect(text).not.toContain(first.body.manageToken);
    }
    // The first registration is unchanged.
    const { body } = await get(request, first.body.code, bearer(first.body.manageToken));
    expect(body.fullName).toBe("Li Wei");
  });

  test("answers 415 for a body that is not sent as JSON", async ({ request }) => {
    const json = JSON.stringify(registration());
    const cases: [string, string | undefined][] = [
      ["text/plain", json],
      ["application/x-www-form-urlencoded", "fullName=Li+Wei"],
      ["multipart/form-data; boundary=x", "--x--"],
    ];
    for (const [type, data] of cases) {
      const response = await request.post(REGISTRATIONS, {
        data,
        headers: { "content-type": type },
      });
      expect(response.status(), type).toBe(415);
      await documented(response, REGISTRATIONS, "post");
    }
    const bare = await request.fetch(REGISTRATIONS, { method: "POST" });
    expect(bare.status()).toBe(415);
    await documented(bare, REGISTRATIONS, "post");
  });

  test("answers 413 above 16 KB, by Content-Length and by the bytes read, and accepts exactly 16 KB", async ({
    request,
    baseURL,
  }) => {
    const big = JSON.stringify(registration({ dietary: "x".repeat(17 * 1024) }));
    const response = await request.post(REGISTRATIONS, {
      data: big,
      headers: { "content-type": "application/json" },
    });
    expect(response.status()).toBe(413);
    await documented(response, REGISTRATIONS, "post");

    const chunked = await postChunked(baseURL!, [
      big.slice(0, 8000),
      big.slice(8000, 16000),
      big.slice(16000),
    ]);
    expect(chunked.status).toBe(413);
    expect(chunked.headers["cache-control"]).toBe("no-store");
    expect(validator.response(REGISTRATIONS, "post", 413, JSON.parse(chunked.body))).toEqual([]);

    // JSON may carry white space: a valid registration padded to exactly the limit is read.
    const json = JSON.stringify(registration());
    const exact = json + " ".repeat(16 * 1024 - Buffer.byteLength(json));
    const ok = await request.post(REGISTRATIONS, {
      data: exact,
      headers: { "content-type": "application/json" },
    });
    expect(ok.status()).toBe(201);
    await documented(ok, REGISTRATIONS, "post");
    const over = await request.post(REGISTRATIONS, {
      data: `${exact} `,
      headers: { "content-type": "application/json" },
    });
    expect(over.status()).toBe(413);
  });
});

test.describe("GET /api/v1/registrations/{code}", () => {
  test("answers 200 with the registration for its manage token", async ({ request }) => {
    const { sent, body: created } = await register(request, {
      dietary: "  vegetarian ",
      days: ["2024-07-13", "2024-07-11"],
    });
    const { status, body } = await get(request, created.code, bearer(created.manageToken));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      code: created.code,
      fullName: sent.fullName,
      email: sent.email,
      organisation: sent.organisation,
      jobTitle: sent.jobTitle,
      phone: null,
      category: sent.category,
      days: ["2024-07-11", "2024-07-13"],
      dietary: "vegetarian",
      accessibility: "",
      newsConsent: false,
      locale: "en",
    });
    // Where the forum has filled up, the registration waits and has its place on the list.
    expect(["confirmed", "waiting"]).toContain(body.status);
    expect(typeof body.position).toBe(body.status === "waiting" ? "number" : "undefined");
    expect(JSON.stringify(body)).not.toContain(created.manageToken);
    // The code is matched whatever its case.
    expect(
      (await get(request, created.code.toLowerCase(), bearer(created.manageToken))).status,
    ).toBe(200);
  });

  test("answers 404 alike for a wrong token, another registration's token and an unknown code", async ({
    request,
  }) => {
    const mine = await register(request);
    const theirs = await register(request);
    const wrongToken = await get(request, mine.body.code, bearer("A".repeat(32)));
    const theirToken = await get(request, mine.body.code, bearer(theirs.body.manageToken));
    const unknownCode = await get(request, "CAF-22222222", bearer(mine.body.manageToken));
    const notACode = await get(request, "robots.txt", bearer(mine.body.manageToken));
    for (const answer of [wrongToken, theirToken, unknownCode, notACode]) {
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual(wrongToken.body);
    }
  });

  test("answers 401 without an Authorization header or with a malformed one", async ({
    request,
  }) => {
    const { body: created } = await register(request);
    const headers: Record<string, string>[] = [
      {},
      { authorization: "" },
      { authorization: created.manageToken },
      { authorization: `Basic ${Buffer.from(`x:${created.manageToken}`).toString("base64")}` },
      { authorization: "Bearer" },
      { authorization: "Bearer short" },
      { authorization: `Bearer ${created.manageToken} extra` },
    ];
    for (const header of headers) {
      const { status, response } = await get(request, created.code, header);
      expect(status, JSON.stringify(header)).toBe(401);
      expect(response.headers()["www-authenticate"]).toMatch(/^Bearer/);
    }
  });
});

test.describe("DELETE /api/v1/registrations/{code}", () => {
  test("cancels with the manage token, then answers 409", async ({ request }) => {
    const { body: created } = await register(request);
    const auth = bearer(created.manageToken);

    expect((await remove(request, created.code)).status).toBe(401);
    expect((await remove(request, created.code, bearer("B".repeat(32)))).status).toBe(404);
    expect((await get(request, created.code, auth)).body.status).toBe(created.status);

    const cancelled = await remove(request, created.code, auth);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toEqual({ code: created.code, status: "cancelled" });
    expect((await get(request, created.code, auth)).body).toMatchObject({ status: "cancelled" });

    const again = await remove(request, created.code, auth);
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ error: expect.any(String), status: "cancelled" });
  });
});

test.describe("OpenAPI", () => {
  test("serves the document and every documented answer occurs, shaped as documented", async ({
    request,
  }) => {
    const docResponse = await request.get("/api/v1/openapi.json");
    expect(docResponse.status()).toBe(200);
    expect(docResponse.headers()["cache-control"]).toBe("no-store");
    const doc = (await docResponse.json()) as Body;
    expect(doc).toEqual(JSON.parse(JSON.stringify(openApiDocument(event))));
    expect(validator.response("/api/v1/openapi.json", "get", 200, doc)).toEqual([]);

    const seen = new Set<string>(["get /api/v1/openapi.json 200"]);
    const note = (method: string, path: string, status: number) =>
      seen.add(`${method} ${path} ${status}`);
    const noteAll = (method: string, path: string, statuses: number[]) =>
      statuses.forEach((s) => note(method, path, s));

    const created = await register(request);
    note("post", REGISTRATIONS, 201);
    noteAll("post", REGISTRATIONS, [
      (await post(request, registration({ email: "nope" }))).status,
      (await post(request, registration({ email: created.sent.email }))).status,
    ]);
    const notJson = await request.post(REGISTRATIONS, {
      data: "x",
      headers: { "content-type": "text/plain" },
    });
    await documented(notJson, REGISTRATIONS, "post");
    const tooBig = await request.post(REGISTRATIONS, {
      data: JSON.stringify({ fullName: "x".repeat(20_000) }),
      headers: { "content-type": "application/json" },
    });
    await documented(tooBig, REGISTRATIONS, "post");
    noteAll("post", REGISTRATIONS, [notJson.status(), tooBig.status()]);

    const { code, manageToken } = created.body;
    for (const method of ["get", "delete"] as const) {
      const call = method === "get" ? get : remove;
      noteAll(method, ITEM, [
        (await call(request, code)).status,
        (await call(request, code, bearer("C".repeat(32)))).status,
        (await call(request, code, bearer(manageToken))).status,
      ]);
    }
    note("delete", ITEM, (await remove(request, code, bearer(manageToken))).status);

    // 429 is produced and checked in e2e/api-capacity.spec.ts, whose server has a limit to reach;
    // 403 (registration closed) in e2e/admin-attendees.spec.ts, on a server of its own whose
    // registration window it closes; 202 (the confirm and approval modes) in
    // e2e/registration-modes.spec.ts, on a server left in the default mode; the read-only
    // endpoints in e2e/api-read.spec.ts.
    const documentedAnswers = validator
      .operations()
      .filter((o) => o.path.startsWith(REGISTRATIONS) || o.path === "/api/v1/openapi.json")
      .flatMap((o) =>
        o.statuses
          .filter((s) => s !== "429" && !(o.method === "post" && (s === "403" || s === "202")))
          .map((s) => `${o.method} ${o.path} ${s}`),
      );
    expect([...seen].sort()).toEqual(documentedAnswers.sort());
  });
});
