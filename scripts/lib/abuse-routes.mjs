// @ts-check
// The abuse cases of each route handler, keyed "METHOD /pattern" as scripts/lib/abuse-targets.mjs
// reads them from app/**/route.ts. A route without an entry here stops the run.
import { crossSiteCases, refused, sessionCases, wrongTypes } from "./abuse-common.mjs";
import { BROKEN_UTF8, SCRIPT, SQL, TEN_MB, brokenUtf8Json, deepJson, deepObject, json, randomToken } from "./abuse-payloads.mjs";
import { multipart } from "./http-client.mjs";

/** @typedef {import("./abuse-common.mjs").AbuseContext} AbuseContext */
/** @typedef {import("./abuse-common.mjs").AbuseRequest} AbuseRequest */
/** @typedef {import("./abuse-common.mjs").AbuseCase} AbuseCase */

/**
 * A real address for each pattern, for the methods a route does not have (405).
 * @param {string} pattern
 * @param {AbuseContext} ctx
 */
export function samplePath(pattern, ctx) {
  /** @type {Record<string, string>} */
  const samples = {
    "/api/v1/sessions/[slug]": `/api/v1/sessions/${ctx.sessionSlug}`,
    "/api/v1/speakers/[slug]": `/api/v1/speakers/${ctx.speakerSlug}`,
    "/api/v1/registrations/[code]": `/api/v1/registrations/${ctx.attendee.code}`,
    "/api/v1/me/stars/[slug]": `/api/v1/me/stars/${ctx.sessionSlug}`,
    "/api/auth/[...nextauth]": "/api/auth/session",
    "/feeds/[file]": `/feeds/${randomToken()}.ics`,
    "/files/speakers/[file]": "/files/speakers/1-0123456789abcdef-240.webp",
    "/sessions/[file]": `/sessions/${ctx.sessionSlug}.ics`,
    "/speakers/[file]": `/speakers/${ctx.speakerSlug}.ics`,
    "/[locale]/admin/speakers/[id]/photo": `/en/admin/speakers/${ctx.speakerId}/photo`,
    "/[locale]/speaker/link/[token]": `/en/speaker/link/${randomToken()}`,
    "/[locale]/ticket/[token]/certificate.pdf": `/en/ticket/${randomToken()}/certificate.pdf`,
    "/[locale]/speaker/sessions/[id]/slides": `/en/speaker/sessions/${ctx.sessionId}/slides`,
    "/files/materials/[file]": `/files/materials/${"0".repeat(32)}.pdf`,
    "/api/admin/sessions/[id]/slides": `/api/admin/sessions/${ctx.sessionId}/slides`,
    "/api/admin/sessions/[id]/recording": `/api/admin/sessions/${ctx.sessionId}/recording`,
    // The seeded edition's own exports (its address segment).
    "/editions/[edition]/agenda.ics": "/editions/2024/agenda.ics",
    "/editions/[edition]/schedule.json": "/editions/2024/schedule.json",
    "/editions/[edition]/schedule.xml": "/editions/2024/schedule.xml",
  };
  const sample = samples[pattern];
  if (sample) return sample;
  const path = pattern.replace("/[locale]/", "/en/");
  if (path.includes("[")) throw new Error(`No sample address for ${pattern}: add one to samplePath in scripts/lib/abuse-routes.mjs.`);
  return path;
}

/**
 * @param {string} what
 * @param {(body: string) => boolean} check
 */
const answer = (what, check) => ({ answer: what, check });
/** @param {string} key */
const noMatches = (key) => answer(`200 with no ${key}`, (body) => JSON.parse(body)[key]?.length === 0);

/** Values that must never name a thing in an address: climbing out, SQL, a script, control bytes, a very long name. */
function hostileSegments() {
  /** @type {Array<[string, string]>} */
  const segments = [
    ["path traversal", "..%2F..%2F..%2Fetc%2Fpasswd"],
    ["path traversal", "..%5C..%5Cauth-secret"],
    ["path traversal", "%2e%2e%2f%2e%2e%2fforum.db"],
    ["SQL", encodeURIComponent(SQL[0])],
    ["script", encodeURIComponent(SCRIPT[0])],
    ["broken UTF-8", "%C0%AF%FF%FE"],
    ["overlong", "a".repeat(5000)],
    ["NUL byte", "x%00.ics"],
  ];
  return segments;
}

/**
 * @param {string} prefix
 * @param {string} [suffix]
 * @param {Omit<AbuseRequest, "path">} [request]
 */
function segmentCases(prefix, suffix = "", request = {}) {
  return hostileSegments().map(([rule, segment]) =>
    refused(`${rule} in the address: ${prefix}${segment.slice(0, 40)}${suffix}`, rule, { ...request, path: `${prefix}${segment}${suffix}` }),
  );
}

/**
 * @param {string} path
 * @param {Array<[string, string]>} params [rule, query string]
 * @param {Omit<AbuseRequest, "path">} [request]
 */
function queryCases(path, params, request = {}) {
  return params.map(([rule, query]) => refused(`${rule}: ?${query.slice(0, 60)}`, rule, { ...request, path: `${path}?${query}` }));
}

/**
 * A JSON body endpoint: wrong content type, not JSON, broken UTF-8, nesting, 10 MB, each field of
 * the wrong type, fields missing and extra, and SQL and script text in every string field.
 * `valid` is a body the endpoint would accept; `types` the right JSON type of each field.
 * @param {{ request: AbuseRequest, valid: Record<string, unknown>, types: Record<string, string>, limit: number }} endpoint
 */
function jsonBodyCases({ request, valid, types, limit }) {
  const first = Object.keys(valid)[0] ?? "";
  /**
   * @param {{ headers: Record<string, string>, body: string | Buffer }} body
   * @param {Record<string, string>} [headers]
   * @returns {AbuseRequest}
   */
  const post = (body, headers = {}) => ({ ...request, headers: { ...request.headers, ...body.headers, ...headers }, body: body.body });
  const cases = [
    refused("valid JSON sent as text/plain", "wrong content type", post(json(valid), { "content-type": "text/plain" })),
    refused("valid JSON sent as a form", "wrong content type", post(json(valid), { "content-type": "application/x-www-form-urlencoded" })),
    refused("a body that is not JSON", "not JSON", post(json("{not json"))),
    refused("an empty body", "not JSON", post(json(""))),
    refused("a JSON list instead of an object", "wrong type", post(json([valid]))),
    refused("a JSON string instead of an object", "wrong type", post(json('"text"'))),
    refused("bytes that are not UTF-8 inside a string", "broken UTF-8", post(brokenUtf8Json(first))),
    refused(`JSON nested ${Math.floor((limit - 2) / 6)} objects deep (within the size limit)`, "deep JSON", post(json(deepObject(Math.floor((limit - 2) / 6))))),
    refused("JSON nested 100,000 lists deep", "deep JSON", post(json(deepJson(100_000)))),
    refused("a 10 MB body", "10 MB body", post(json(JSON.stringify({ ...valid, [first]: "x".repeat(TEN_MB) })))),
    refused("a 10 MB body with no Content-Length (chunked)", "10 MB body", {
      ...post(json("")),
      body: chunked(Buffer.from(JSON.stringify({ ...valid, pad: "x".repeat(TEN_MB) }))),
    }),
    refused("no fields at all", "missing field", post(json({}))),
    refused("an unknown extra field", "extra field", post(json({ ...valid, isAdmin: true, role: "admin" }))),
    refused("__proto__ as an extra field", "extra field", post(json(`{"__proto__":{"isAdmin":true},${JSON.stringify(valid).slice(1)}`))),
  ];
  for (const field of Object.keys(valid)) {
    const { [field]: _dropped, ...rest } = valid;
    cases.push(refused(`${field} missing`, "missing field", post(json(rest))));
    for (const [label, value] of wrongTypes(types[field] ?? "").slice(0, 2)) {
      cases.push(refused(`${field} as ${label}`, "wrong type", post(json({ ...valid, [field]: value }))));
    }
  }
  const strings = Object.keys(valid).filter((field) => types[field] === "a string");
  /** @type {Array<[string, readonly string[]]>} */
  const hostile = strings.length ? [["SQL", SQL], ["script", SCRIPT]] : [];
  for (const [rule, payloads] of hostile) {
    for (const payload of payloads) {
      const body = { ...valid };
      for (const field of strings) body[field] = payload;
      cases.push(refused(`${rule} in every string field: ${payload}`, rule, post(json(body))));
    }
  }
  return cases;
}

/**
 * A body streamed without a declared length.
 * @param {Buffer} buffer
 * @returns {ReadableStream<Uint8Array>}
 */
function chunked(buffer) {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= buffer.length) return controller.close();
      controller.enqueue(buffer.subarray(sent, sent + 65536));
      sent += 65536;
    },
  });
}

/** @param {string} token */
const bearer = (token) => ({ authorization: `Bearer ${token}` });

/**
 * Manage-token endpoints: no header, a malformed one, and well-formed tokens that are not anyone's.
 * @param {AbuseRequest} request
 */
function tokenCases(request) {
  return [
    refused("no Authorization header", "no token", request),
    refused("a Basic Authorization header", "forged token", { ...request, headers: { ...request.headers, authorization: "Basic YWRtaW46YWRtaW4=" } }),
    refused("a random manage token", "forged token", { ...request, headers: { ...request.headers, ...bearer(randomToken()) } }),
    refused("SQL as the manage token", "SQL", { ...request, headers: { ...request.headers, authorization: `Bearer ${SQL[0]}` } }),
    refused("a 10,000-character token", "overlong", { ...request, headers: { ...request.headers, ...bearer("A".repeat(10_000)) } }),
  ];
}

/** @param {AbuseContext} ctx */
function registrationBody(ctx) {
  return {
    fullName: "Abuse Case",
    email: ctx.uniqueEmail(),
    organisation: "Abuse Ltd",
    jobTitle: "Tester",
    category: "industry",
    days: ["2024-07-11"],
    consent: true,
  };
}

const REGISTRATION_TYPES = {
  fullName: "a string",
  email: "a string",
  organisation: "a string",
  jobTitle: "a string",
  category: "a string",
  days: "a list",
  consent: "a boolean",
};

/** The attendee list's filters, for the exports: values the list would never write. */
/** @type {Array<[string, string]>} */
const BAD_FILTERS = [
  ["bad query", "status=everyone"],
  ["bad query", "category=%3Cscript%3E"],
  ["bad query", "day=2024-13-45"],
  ["bad query", "sort=password_hash"],
  ["bad query", "dir=sideways"],
  ["bad query", "page=-1"],
  ["bad query", "page=1e9"],
  ["SQL", `sort=${encodeURIComponent("name; DROP TABLE registrations")}`],
  ["overlong", `q=${"x".repeat(5000)}`],
];

/**
 * @param {AbuseContext} ctx
 * @param {string} path
 */
function exportCases(ctx, path) {
  return [
    ...sessionCases(ctx, { path }, "staff"),
    ...queryCases(path, BAD_FILTERS, { cookie: ctx.cookies.organizer }),
  ];
}

/** @param {AbuseContext} ctx */
function photoCases(ctx) {
  const path = `/en/admin/speakers/${ctx.speakerId}/photo`;
  const organizer = ctx.cookies.organizer;
  const png = ctx.png;
  /**
   * @param {Parameters<typeof multipart>[0]} parts
   * @param {Partial<AbuseRequest>} [extra]
   */
  const upload = (parts, extra = {}) => ({ method: "POST", path, cookie: organizer, ...multipart(parts), ...extra });
  const traversal = [
    `../../../../../../tmp/${ctx.sentinel}.png`,
    `..\\..\\..\\${ctx.sentinel}.png`,
    `../${ctx.sentinel}.png`,
    `/etc/${ctx.sentinel}.png`,
    `%2e%2e%2f${ctx.sentinel}.png`,
    `${ctx.sentinel}.png\u0000.jpg`,
    `....//....//${ctx.sentinel}.png`,
  ];
  return [
    ...sessionCases(ctx, upload([["photo", png, "face.png"]], { cookie: undefined }), "staff"),
    ...crossSiteCases(upload([["photo", png, "face.png"]])),
    ...traversal.map((name) => refused(`a real PNG named ${JSON.stringify(name)}`, "path traversal", upload([["photo", png, name]]))),
    refused("a 10 MB upload", "10 MB body", upload([["photo", Buffer.concat([png, Buffer.alloc(TEN_MB)]), "face.png"]])),
    refused("an HTML page named face.png", "wrong type", upload([["photo", Buffer.from(`<html>${SCRIPT[0]}</html>`), "face.png"]])),
    refused("a PNG signature followed by garbage", "wrong type", upload([["photo", Buffer.concat([png.subarray(0, 16), Buffer.alloc(2048, 0x41)]), "face.png"]])),
    refused("the photo as a text field, not a file", "wrong type", upload([["photo", "not a file"]])),
    refused("no photo field", "missing field", upload([["picture", png, "face.png"]])),
    refused("a multipart body cut short", "broken multipart", { method: "POST", path, cookie: organizer, ...multipart([["photo", png, "face.png"]], { truncate: true }) }),
    refused("a JSON body", "wrong content type", { method: "POST", path, cookie: organizer, ...json({ photo: png.toString("base64") }) }),
    refused("a multipart body without a boundary", "broken multipart", { method: "POST", path, cookie: organizer, headers: { "content-type": "multipart/form-data" }, body: png }),
    refused("a file name of broken UTF-8", "broken UTF-8", upload([["photo", png, Buffer.concat([Buffer.from("face"), BROKEN_UTF8, Buffer.from(".png")])]])),
    ...segmentCases("/en/admin/speakers/", "/photo", { method: "POST", cookie: organizer, ...multipart([["photo", png, "face.png"]]) }),
    refused("a speaker that does not exist", "unknown id", { ...upload([["photo", png, "face.png"]]), path: "/en/admin/speakers/999999/photo" }),
    refused("a speaker id past 32 bits", "wrong type", { ...upload([["photo", png, "face.png"]]), path: "/en/admin/speakers/99999999999999999999/photo" }),
  ];
}

/**
 * The speaker portal's photo: only with a speaker's cookie (never a console session), from our own
 * pages, an image by its bytes; the speaker is the cookie's, whatever the request names.
 * @param {AbuseContext} ctx
 */
function portalPhotoCases(ctx) {
  const path = "/en/speaker/photo";
  const speaker = ctx.cookies.speaker;
  const png = ctx.png;
  /**
   * @param {Parameters<typeof multipart>[0]} parts
   * @param {Partial<AbuseRequest>} [extra]
   */
  const upload = (parts, extra = {}) => ({ method: "POST", path, cookie: speaker, ...multipart(parts), ...extra });
  return [
    // The forged console sessions and the organizer; the speaker's own cookie is the one that may.
    ...sessionCases(ctx, upload([["photo", png, "face.png"]]), "organizer"),
    refused("signed in as an organizer (a console session, not a speaker's)", "wrong role", upload([["photo", png, "face.png"]], { cookie: ctx.cookies.organizer })),
    refused("a speaker cookie that is no link of ours", "forged token", upload([["photo", png, "face.png"]], { cookie: `forum-speaker=${randomToken()}` })),
    refused("SQL as the speaker cookie", "forged token", upload([["photo", png, "face.png"]], { cookie: `forum-speaker=${encodeURIComponent(SQL[0])}` })),
    ...crossSiteCases(upload([["photo", png, "face.png"]])),
    refused(`a real PNG named ${JSON.stringify(`../../${ctx.sentinel}.png`)}`, "path traversal", upload([["photo", png, `../../${ctx.sentinel}.png`]])),
    refused("a 10 MB upload", "10 MB body", upload([["photo", Buffer.concat([png, Buffer.alloc(TEN_MB)]), "face.png"]])),
    refused("an HTML page named face.png", "wrong type", upload([["photo", Buffer.from(`<html>${SCRIPT[0]}</html>`), "face.png"]])),
    refused("a PNG signature followed by garbage", "wrong type", upload([["photo", Buffer.concat([png.subarray(0, 16), Buffer.alloc(2048, 0x41)]), "face.png"]])),
    refused("the photo as a text field, not a file", "wrong type", upload([["photo", "not a file"]])),
    refused("no photo field", "missing field", upload([["picture", png, "face.png"]])),
    refused("a JSON body", "wrong content type", { method: "POST", path, cookie: speaker, ...json({ photo: png.toString("base64"), speakerId: 1 }) }),
    refused("a multipart body cut short", "broken multipart", { method: "POST", path, cookie: speaker, ...multipart([["photo", png, "face.png"]], { truncate: true }) }),
  ];
}

/**
 * The portal's slides for a session: only with a speaker's cookie, from our own pages, a PDF by its
 * bytes, and only for a session of the cookie's speaker (another's is a 404 and stores nothing).
 * @param {AbuseContext} ctx
 */
function portalSlidesCases(ctx) {
  const path = `/en/speaker/sessions/${ctx.sessionId}/slides`;
  const speaker = ctx.cookies.speaker;
  /**
   * @param {Buffer | string} body
   * @param {Partial<AbuseRequest>} [extra]
   * @returns {AbuseRequest}
   */
  const upload = (body, extra = {}) => ({
    method: "POST",
    path,
    cookie: speaker,
    body,
    ...extra,
    headers: { "content-type": "application/octet-stream", "x-file-name": "slides.pdf", ...extra.headers },
  });
  const pdfHead = Buffer.from("%PDF-1.7\n");
  return [
    ...sessionCases(ctx, upload(pdfHead, { cookie: undefined }), "organizer"),
    refused("signed in as an organizer (a console session, not a speaker's)", "wrong role", upload(pdfHead, { cookie: ctx.cookies.organizer })),
    refused("a speaker cookie that is no link of ours", "forged token", upload(pdfHead, { cookie: `forum-speaker=${randomToken()}` })),
    refused("SQL as the speaker cookie", "forged token", upload(pdfHead, { cookie: `forum-speaker=${encodeURIComponent(SQL[0])}` })),
    ...crossSiteCases(upload(pdfHead)),
    refused("another speaker's session", "unknown id", upload(pdfHead, { path: `/en/speaker/sessions/${ctx.foreignSessionId}/slides` })),
    refused("a session that does not exist", "unknown id", upload(pdfHead, { path: "/en/speaker/sessions/999999/slides" })),
    refused("a session id past 32 bits", "wrong type", upload(pdfHead, { path: "/en/speaker/sessions/99999999999999999999/slides" })),
    ...segmentCases("/en/speaker/sessions/", "/slides", upload(pdfHead)),
    refused("a PNG named slides.pdf", "wrong type", upload(ctx.png)),
    refused("an HTML page named slides.pdf", "wrong type", upload(Buffer.from(`<html>${SCRIPT[0]}</html>`))),
    refused("a PDF header followed by garbage", "wrong type", upload(Buffer.concat([pdfHead, Buffer.alloc(4096, 0x41)]))),
    refused("a 10 MB body that is no PDF", "10 MB body", upload(Buffer.alloc(TEN_MB, 0x41))),
    refused("no body", "missing field", upload("")),
    refused(`a file named ${JSON.stringify(`../../${ctx.sentinel}.pdf`)}`, "path traversal", upload(pdfHead, { headers: { "x-file-name": encodeURIComponent(`../../${ctx.sentinel}.pdf`) } })),
    refused("a file name of broken percent-encoding", "broken UTF-8", upload(pdfHead, { headers: { "x-file-name": "slides%E0%A4%A.pdf" } })),
    refused("a multipart body", "wrong content type", { method: "POST", path, cookie: speaker, ...multipart([["file", pdfHead, "slides.pdf"]]) }),
  ];
}

/**
 * The console's uploads of a session's slides or video: the body is the file itself. Only an
 * organizer (the agenda permission), from our own pages, a file by its bytes, a session of the
 * console's edition. No case sends a file that passes, so none stores anything.
 * @param {AbuseContext} ctx
 * @param {"slides" | "recording"} kind
 */
function consoleUploadCases(ctx, kind) {
  const path = `/api/admin/sessions/${ctx.sessionId}/${kind}`;
  const name = kind === "slides" ? "slides.pdf" : "talk.mp4";
  const head = kind === "slides" ? Buffer.from("%PDF-1.7\n") : Buffer.from("not a video at all");
  /**
   * @param {Buffer | string} body
   * @param {Partial<AbuseRequest>} [extra]
   * @returns {AbuseRequest}
   */
  const upload = (body, extra = {}) => ({
    method: "POST",
    path,
    cookie: ctx.cookies.organizer,
    body,
    ...extra,
    headers: { "content-type": "application/octet-stream", "x-file-name": name, ...extra.headers },
  });
  return [
    ...sessionCases(ctx, upload(head, { cookie: undefined }), "staff"),
    ...crossSiteCases(upload(head)),
    refused("a session that does not exist", "unknown id", upload(head, { path: `/api/admin/sessions/999999/${kind}` })),
    refused("a session id past 32 bits", "wrong type", upload(head, { path: `/api/admin/sessions/99999999999999999999/${kind}` })),
    ...segmentCases("/api/admin/sessions/", `/${kind}`, upload(head)),
    refused(`a PNG named ${name}`, "wrong type", upload(ctx.png)),
    refused(`an HTML page named ${name}`, "wrong type", upload(Buffer.from(`<html>${SCRIPT[0]}</html>`))),
    refused("a 10 MB body of garbage", "10 MB body", upload(Buffer.alloc(TEN_MB, 0x41))),
    refused("no body", "missing field", upload("")),
    refused(`a file named ${JSON.stringify(`../../${ctx.sentinel}`)}`, "path traversal", upload(head, { headers: { "x-file-name": encodeURIComponent(`../../${ctx.sentinel}.${name.split(".")[1]}`) } })),
    refused("a multipart body", "wrong content type", { method: "POST", path, cookie: ctx.cookies.organizer, ...multipart([["file", head, name]]) }),
  ];
}

/**
 * The cases of every route handler method.
 * @param {AbuseContext} ctx
 * @returns {Record<string, () => AbuseCase[]>}
 */
export function routeCases(ctx) {
  const staff = ctx.cookies.staff;
  const day = "2024-07-11";
  const checkin = { method: "POST", path: "/api/checkin", cookie: staff };
  const undo = { method: "POST", path: "/api/checkin/undo", cookie: staff };
  const register = { method: "POST", path: "/api/v1/registrations" };
  const me = { headers: bearer(ctx.attendee.manageToken) };
  const code = `/api/v1/registrations/${ctx.attendee.code}`;
  const stars = { method: "POST", path: "/api/v1/me/stars", headers: bearer(ctx.attendee.manageToken) };
  const auth = ctx.authForm;

  return {
    "GET /[locale]/admin/attendees/export.csv": () => [
      ...exportCases(ctx, "/en/admin/attendees/export.csv"),
      { name: `SQL as the name searched for: ${SQL[0]}`, rule: "SQL", request: { path: `/en/admin/attendees/export.csv?q=${encodeURIComponent(SQL[0])}`, cookie: ctx.cookies.organizer }, expect: answer("200 with the header row only", (body) => body.trim().split(/\r?\n/).length === 1) },
    ],
    "GET /[locale]/admin/attendees/export.xlsx": () => exportCases(ctx, "/en/admin/attendees/export.xlsx"),
    "GET /api/admin/badges": () => [
      ...exportCases(ctx, "/api/admin/badges"),
      ...queryCases("/api/admin/badges", [["bad query", "layout=..%2F..%2Fetc%2Fpasswd"], ["bad query", "layout=a3"]], { cookie: ctx.cookies.organizer }),
      refused(`SQL as the name searched for: ${SQL[0]}`, "SQL", { path: `/api/admin/badges?q=${encodeURIComponent(SQL[0])}`, cookie: ctx.cookies.organizer }),
    ],
    "POST /[locale]/admin/speakers/[id]/photo": () => photoCases(ctx),
    "POST /[locale]/speaker/photo": () => portalPhotoCases(ctx),
    "POST /[locale]/speaker/sessions/[id]/slides": () => portalSlidesCases(ctx),
    "POST /api/admin/sessions/[id]/slides": () => consoleUploadCases(ctx, "slides"),
    "POST /api/admin/sessions/[id]/recording": () => consoleUploadCases(ctx, "recording"),
    // Every link that is not a working one lands on the portal's 403 ("this link no longer works").
    "GET /[locale]/speaker/link/[token]": () => [
      refused("a random token of the right shape", "forged token", { path: `/en/speaker/link/${randomToken()}` }),
      refused("a token of the wrong length", "forged token", { path: `/en/speaker/link/${randomToken(31)}` }),
      ...segmentCases("/en/speaker/link/"),
      refused("a locale that is not ours", "bad query", { path: `/fr/speaker/link/${randomToken()}` }),
    ],

    "GET /api/auth/[...nextauth]": () => [
      refused("an action Auth.js does not have", "unknown action", { path: "/api/auth/nonsense" }),
      refused("a path climbing out of /api/auth", "path traversal", { path: "/api/auth/..%2F..%2Fetc%2Fpasswd" }),
      refused("a script as the error to show", "script", { path: `/api/auth/error?error=${encodeURIComponent(SCRIPT[0])}` }),
      refused("the credentials callback by GET", "wrong method", { path: "/api/auth/callback/credentials?email=a&password=b" }),
      ...ctx.forgedSessions.filter((s) => s.cookie).map((s) => ({
        name: `the session of ${s.name}`,
        rule: s.rule,
        request: { path: "/api/auth/session", cookie: s.cookie },
        expect: answer("200 null (no session)", (body) => body.trim() === "null"),
      })),
    ],
    "POST /api/auth/[...nextauth]": () => {
      const callback = { method: "POST", path: "/api/auth/callback/credentials" };
      /**
       * @param {Record<string, string>} fields
       * @param {{ headers?: Record<string, string>, request?: Partial<AbuseRequest> }} [extra]
       */
      const form = (fields, extra = {}) => ({
        ...callback,
        headers: { "content-type": "application/x-www-form-urlencoded", ...extra.headers },
        cookie: auth.cookie,
        body: new URLSearchParams(fields).toString(),
        ...extra.request,
      });
      const good = { email: auth.email, password: auth.password, csrfToken: auth.csrfToken };
      return [
        refused("the right password without a CSRF token", "forged token", form({ email: auth.email, password: auth.password })),
        refused("the right password with a forged CSRF token", "forged token", form({ ...good, csrfToken: randomToken(64) })),
        refused("the right password and CSRF token without the CSRF cookie", "forged token", form(good, { request: { cookie: undefined } })),
        ...crossSiteCases(form(good)),
        refused("a wrong password", "wrong password", form({ ...good, password: "not the password at all" })),
        refused(`SQL as the email: ${SQL[0]}`, "SQL", form({ ...good, email: SQL[0] })),
        refused(`a script as the email`, "script", form({ ...good, email: SCRIPT[0] })),
        refused("JSON with a forged CSRF token", "wrong content type", { ...callback, cookie: auth.cookie, ...json({ ...good, csrfToken: randomToken(64) }) }),
        refused("an email of broken UTF-8", "broken UTF-8", {
          ...form(good),
          body: Buffer.concat([Buffer.from(`csrfToken=${auth.csrfToken}&password=x&email=`), BROKEN_UTF8]),
        }),
        refused("a 10 MB password", "10 MB body", form({ ...good, password: "x".repeat(TEN_MB) })),
        refused("an action Auth.js does not have", "unknown action", { method: "POST", path: "/api/auth/nonsense", body: "x" }),
        refused("the CSRF endpoint by POST", "wrong method", { method: "POST", path: "/api/auth/csrf", body: "x" }),
        refused("sign-out from another site's page", "cross-site", {
          method: "POST",
          path: "/api/auth/signout",
          cookie: `${ctx.cookies.staff}; ${auth.cookie}`,
          headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example", "sec-fetch-site": "cross-site" },
          body: new URLSearchParams({ csrfToken: auth.csrfToken }).toString(),
        }),
      ];
    },

    "POST /api/checkin": () => [
      ...sessionCases(ctx, { ...checkin, ...json({ day, input: ctx.attendee.ticket, method: "scan" }) }),
      ...crossSiteCases({ ...checkin, ...json({ day, input: ctx.attendee.ticket, method: "scan" }) }),
      ...jsonBodyCases({
        request: checkin,
        valid: { day, input: ctx.attendee.ticket, method: "scan" },
        types: { day: "a string", input: "a string", method: "a string" },
        limit: 2048,
      }).filter((c) => c.rule !== "SQL" && c.rule !== "script"),
      ...[...SQL, ...SCRIPT].map((payload) =>
        refused(`${SQL.includes(payload) ? "SQL" : "script"} in every string field: ${payload}`, SQL.includes(payload) ? "SQL" : "script", {
          ...checkin,
          ...json({ day: payload, input: payload, method: payload }),
        }),
      ),
      ...[...SQL, ...SCRIPT].map((payload) =>
        refused(`${SQL.includes(payload) ? "SQL" : "script"} as the scanned input: ${payload}`, SQL.includes(payload) ? "SQL" : "script", {
          ...checkin,
          ...json({ day, input: payload, method: "scan" }),
        }),
      ),
      .../** @type {Array<[string, string]>} */ ([
        ["a ticket of the right code with a forged signature", `${ctx.attendee.code}.${"A".repeat(22)}`],
        ["a ticket of an unknown code, well signed in form", `CAF-23456789.${randomToken(22)}`],
        ["a registration code nobody has", "CAF-ZZZZZZZZ"],
        ["a ticket whose signature was cut short", ctx.attendee.ticket.slice(0, -3)],
      ]).map(([name, input]) => ({
        name,
        rule: "forged token",
        request: { ...checkin, ...json({ day, input, method: "scan" }) },
        expect: answer('200 {"outcome":"unknown"}', (body) => JSON.parse(body).outcome === "unknown" && !("person" in JSON.parse(body))),
      })),
      refused("a day outside the forum", "bad query", { ...checkin, ...json({ day: "2024-07-14", input: ctx.attendee.ticket, method: "scan" }) }),
    ],
    "GET /api/checkin": () => [
      ...sessionCases(ctx, { path: `/api/checkin?day=${day}` }),
      ...queryCases("/api/checkin", [["missing field", ""], ["bad query", "day=2024-07-14"], ["SQL", `day=${encodeURIComponent(SQL[0])}`]], { cookie: staff }),
    ],
    "GET /api/checkin/search": () => [
      ...sessionCases(ctx, { path: `/api/checkin/search?day=${day}&q=Abuse` }),
      ...queryCases("/api/checkin/search", [["missing field", `day=${day}`], ["missing field", "q=Abuse"], ["bad query", `day=${day}&q=A`], ["overlong", `day=${day}&q=${"x".repeat(5000)}`], ["bad query", `day=${encodeURIComponent(SCRIPT[0])}&q=Abuse`]], { cookie: staff }),
      ...[...SQL, ...SCRIPT].map((payload) => ({
        name: `${SQL.includes(payload) ? "SQL" : "a script"} as the name searched for: ${payload}`,
        rule: SQL.includes(payload) ? "SQL" : "script",
        request: { path: `/api/checkin/search?day=${day}&q=${encodeURIComponent(payload)}`, cookie: staff },
        expect: noMatches("matches"),
      })),
      { name: "LIKE wildcards as the name searched for: %%", rule: "SQL", request: { path: `/api/checkin/search?day=${day}&q=%25%25`, cookie: staff }, expect: noMatches("matches") },
    ],
    "POST /api/checkin/undo": () => [
      ...sessionCases(ctx, { ...undo, ...json({ id: 1 }) }),
      ...crossSiteCases({ ...undo, ...json({ id: 1 }) }),
      ...jsonBodyCases({ request: undo, valid: { id: 1 }, types: { id: "a number" }, limit: 256 }),
      ...[-1, 0, 1.5, 2 ** 53, "1 OR 1=1"].map((id) => refused(`id ${JSON.stringify(id)}`, "wrong type", { ...undo, ...json({ id }) })),
      refused("a check-in that does not exist", "unknown id", { ...undo, ...json({ id: 999999 }) }),
    ],

    "GET /api/health": () => queryCases("/api/health", []),

    "GET /api/v1/me": () => tokenCases({ path: "/api/v1/me" }),
    "POST /api/v1/me/stars": () => [
      ...tokenCases({ ...stars, ...json({ sessions: [ctx.sessionSlug] }) }),
      ...crossSiteCases({ ...stars, ...json({ sessions: [ctx.sessionSlug] }), headers: { ...stars.headers, "content-type": "application/json" } }),
      ...jsonBodyCases({ request: stars, valid: { sessions: [ctx.sessionSlug] }, types: { sessions: "a list" }, limit: 16 * 1024 }),
      ...[...SQL, ...SCRIPT, "../../etc/passwd", "x".repeat(300)].map((slug) =>
        refused(`a session slug ${JSON.stringify(slug.slice(0, 40))}`, "bad slug", { ...stars, headers: { ...stars.headers, "content-type": "application/json" }, body: JSON.stringify({ sessions: [slug] }) }),
      ),
      refused("10,000 slugs", "overlong", { ...stars, headers: { ...stars.headers, "content-type": "application/json" }, body: JSON.stringify({ sessions: Array.from({ length: 10_000 }, (_, i) => `s${i}`) }) }),
    ],
    "PUT /api/v1/me/stars/[slug]": () => [
      ...tokenCases({ method: "PUT", path: `/api/v1/me/stars/${ctx.sessionSlug}` }),
      ...crossSiteCases({ method: "PUT", path: `/api/v1/me/stars/${ctx.sessionSlug}`, headers: me.headers }),
      ...segmentCases("/api/v1/me/stars/", "", { method: "PUT", headers: me.headers }),
      refused("a session that does not exist", "unknown id", { method: "PUT", path: "/api/v1/me/stars/no-such-session", headers: me.headers }),
    ],
    "DELETE /api/v1/me/stars/[slug]": () => [
      ...tokenCases({ method: "DELETE", path: `/api/v1/me/stars/${ctx.sessionSlug}` }),
      ...segmentCases("/api/v1/me/stars/", "", { method: "DELETE", headers: me.headers }),
    ],
    "GET /api/v1/openapi.json": () => [],
    "GET /api/v1/quotes": () => [
      ...queryCases("/api/v1/quotes", [
        ["wrong type", "limit=abc"],
        ["wrong type", "limit=-1"],
        ["wrong type", "limit=1e9"],
        ["wrong type", "limit=0x10"],
        ["forged token", `cursor=${randomToken(12)}`],
        ["SQL", `cursor=${encodeURIComponent(SQL[0])}`],
        ["SQL", `speaker=${encodeURIComponent(SQL[0])}`],
        ["SQL", `topic=${encodeURIComponent(SQL[1])}`],
        ["script", `speaker=${encodeURIComponent(SCRIPT[0])}`],
        ["overlong", `q=${"x".repeat(5000)}`],
        ["path traversal", "speaker=..%2F..%2Fetc%2Fpasswd"],
      ]),
      ...[...SQL, ...SCRIPT].map((payload) => ({
        name: `${SQL.includes(payload) ? "SQL" : "a script"} as the text searched for: ${payload}`,
        rule: SQL.includes(payload) ? "SQL" : "script",
        request: { path: `/api/v1/quotes?q=${encodeURIComponent(payload)}` },
        expect: noMatches("data"),
      })),
    ],
    "OPTIONS /api/v1/quotes": () => [],
    "POST /api/v1/registrations": () => [
      ...crossSiteCases({ ...register, ...json(registrationBody(ctx)) }),
      ...jsonBodyCases({ request: register, valid: registrationBody(ctx), types: REGISTRATION_TYPES, limit: 16 * 1024 }),
      refused("days that are not forum days", "wrong type", { ...register, ...json({ ...registrationBody(ctx), days: ["2024-07-14", "../../x"] }) }),
      refused("consent as the string true", "wrong type", { ...register, ...json({ ...registrationBody(ctx), consent: "true" }) }),
      refused("a category of its own", "wrong type", { ...register, ...json({ ...registrationBody(ctx), category: "vip" }) }),
      refused("an invitation code that is no one's", "forged token", { ...register, ...json({ ...registrationBody(ctx), invitationCode: "INV-22222222" }) }),
      refused("SQL as the invitation code", "SQL", { ...register, ...json({ ...registrationBody(ctx), invitationCode: SQL[0] }) }),
      refused("a status of its own (mass assignment)", "extra field", { ...register, ...json({ ...registrationBody(ctx), status: "confirmed", capacityOverride: true }) }),
      refused("NUL and control characters in every string field", "wrong type", {
        ...register,
        ...json({ ...registrationBody(ctx), fullName: "a\u0000b", email: "a\u0000@b.c", organisation: "\u0007", jobTitle: "\u001b[31m" }),
      }),
    ],
    "GET /api/v1/registrations/[code]": () => [
      ...tokenCases({ path: code }),
      refused("the real token with another code", "forged token", { path: "/api/v1/registrations/CAF-23456789", headers: me.headers }),
      ...segmentCases("/api/v1/registrations/", "", { headers: me.headers }),
    ],
    "DELETE /api/v1/registrations/[code]": () => [
      ...tokenCases({ method: "DELETE", path: code }),
      ...crossSiteCases({ method: "DELETE", path: code, headers: me.headers }),
      refused("the real token with another code", "forged token", { method: "DELETE", path: "/api/v1/registrations/CAF-23456789", headers: me.headers }),
      ...segmentCases("/api/v1/registrations/", "", { method: "DELETE", headers: me.headers }),
    ],
    "GET /api/v1/sessions": () => [],
    "OPTIONS /api/v1/sessions": () => [],
    "GET /api/v1/sessions/[slug]": () => segmentCases("/api/v1/sessions/"),
    "OPTIONS /api/v1/sessions/[slug]": () => [],
    "GET /api/v1/speakers": () => [],
    "OPTIONS /api/v1/speakers": () => [],
    "GET /api/v1/speakers/[slug]": () => segmentCases("/api/v1/speakers/"),
    "OPTIONS /api/v1/speakers/[slug]": () => [],
    "GET /agenda.ics": () => queryCases("/agenda.ics", [["bad query", "lang=xx"], ["script", `lang=${encodeURIComponent(SCRIPT[0])}`], ["path traversal", "lang=..%2F..%2Fetc%2Fpasswd"]]),
    "GET /feeds/[file]": () => [
      refused("a random calendar token", "forged token", { path: `/feeds/${randomToken()}.ics` }),
      refused("the manage token as a calendar token", "forged token", { path: `/feeds/${ctx.attendee.manageToken}.ics` }),
      ...segmentCases("/feeds/", ".ics"),
    ],
    "GET /files/speakers/[file]": () => [
      ...segmentCases("/files/speakers/"),
      refused("a width the server does not make", "bad query", { path: "/files/speakers/1-0123456789abcdef-4000.webp" }),
      refused("a photo that does not exist", "unknown id", { path: "/files/speakers/1-0123456789abcdef-240.webp" }),
    ],
    "GET /[locale]/admin/feedback/export.csv": () => sessionCases(ctx, { path: "/en/admin/feedback/export.csv" }, "staff"),
    "GET /[locale]/admin/feedback/export.xlsx": () => sessionCases(ctx, { path: "/en/admin/feedback/export.xlsx" }, "staff"),
    // A link that is no one's is a 404; the attendee's own is a 403 until they are checked in.
    "GET /[locale]/ticket/[token]/certificate.pdf": () => [
      refused("a random token of the right shape", "forged token", { path: `/en/ticket/${randomToken()}/certificate.pdf` }),
      refused("the attendee's link before any check-in", "wrong role", { path: `/en/ticket/${ctx.attendee.manageToken}/certificate.pdf` }),
      ...segmentCases("/en/ticket/", "/certificate.pdf"),
    ],
    // Materials are served by their content's name only: anything else, or a file not stored, is a 404.
    "GET /files/materials/[file]": () => [
      ...segmentCases("/files/materials/"),
      refused("a file that does not exist", "unknown id", { path: `/files/materials/${"0".repeat(32)}.pdf` }),
      refused("a type that is not served", "bad query", { path: `/files/materials/${"0".repeat(32)}.html` }),
      refused("the upload in progress (a temporary file)", "path traversal", { path: "/files/materials/.upload-0123456789abcdef.tmp" }),
    ],
    "HEAD /files/materials/[file]": () => [
      ...segmentCases("/files/materials/", "", { method: "HEAD" }),
      refused("a file that does not exist", "unknown id", { method: "HEAD", path: `/files/materials/${"0".repeat(32)}.pdf` }),
    ],
    "GET /robots.txt": () => [],
    "GET /sitemap.xml": () => [],
    "GET /api/v1/editions": () => [],
    "OPTIONS /api/v1/editions": () => [],
    "GET /editions/[edition]/agenda.ics": () => [...segmentCases("/editions/", "/agenda.ics"), ...queryCases("/editions/2024/agenda.ics", [["bad query", "lang=xx"]])],
    "GET /editions/[edition]/schedule.json": () => segmentCases("/editions/", "/schedule.json"),
    "OPTIONS /editions/[edition]/schedule.json": () => [],
    "GET /editions/[edition]/schedule.xml": () => segmentCases("/editions/", "/schedule.xml"),
    "OPTIONS /editions/[edition]/schedule.xml": () => [],
    "GET /schedule.json": () => [],
    "OPTIONS /schedule.json": () => [],
    "GET /schedule.xml": () => [],
    "OPTIONS /schedule.xml": () => [],
    "GET /sessions/[file]": () => [...segmentCases("/sessions/", ".ics"), ...queryCases(`/sessions/${ctx.sessionSlug}.ics`, [["bad query", "lang=xx"]])],
    "GET /speakers/[file]": () => [...segmentCases("/speakers/", ".ics"), ...queryCases(`/speakers/${ctx.speakerSlug}.ics`, [["bad query", "lang=xx"]])],
  };
}

/**
 * The methods a route does not export: each must be refused (405), whatever the body.
 * @param {string} pattern
 * @param {string[]} methods
 * @param {AbuseContext} ctx
 */
export function wrongMethodCases(pattern, methods, ctx) {
  const path = samplePath(pattern, ctx);
  const missing = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => !methods.includes(m) && !(m === "GET" && methods.includes("HEAD")));
  return missing.map((method) =>
    refused(`${method}, which ${pattern} does not have`, "wrong method", {
      method,
      path,
      cookie: ctx.cookies.admin,
      ...(method === "GET" ? {} : json({ sessions: [], day: "2024-07-11", input: "x", method: "scan" })),
    }),
  );
}
