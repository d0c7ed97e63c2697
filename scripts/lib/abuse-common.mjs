// @ts-check
// Cases that every kind of target shares: sessions that must not be believed, other sites' pages.
// The shapes every abuse module passes around are declared here.

/**
 * One request of a case; `send` (abuse-http.mjs) adds a client address of its own.
 * @typedef {object} AbuseRequest
 * @property {string} [method] GET unless said
 * @property {string} path
 * @property {Record<string, string | undefined>} [headers]
 * @property {string | Buffer | ReadableStream<Uint8Array>} [body]
 * @property {string} [cookie]
 */

/**
 * What a case must get: a 4xx ("refused"), the form's error state ("form"), or a 200 whose body
 * says no (`check` true).
 * @typedef {"refused" | "form" | { answer: string, check: (body: string) => boolean }} Expectation
 */

/** @typedef {{ name: string, rule: string, request: AbuseRequest, expect: Expectation }} AbuseCase */

/** @typedef {{ name: string, rule: string, cookie: string | undefined }} ForgedSession */

/**
 * The fixtures every case reads (abuse.mjs makes them on the fresh database).
 * @typedef {object} AbuseContext
 * @property {string} url
 * @property {Record<string, string>} cookies the session cookie of each console role, and `speaker`: a speaker portal's cookie
 * @property {{ code: string, manageToken: string, ticket: string, id?: number, email?: string }} attendee
 * @property {Record<"admin" | "organizer" | "staff", { id: number, email: string, sv: number }>} users
 * @property {number} sessionId
 * @property {string} sessionSlug
 * @property {number} sessionRevision
 * @property {number} seatLimitedSessionId
 * @property {number} speakerId
 * @property {number} foreignSessionId a published session the portal's speaker is not on
 * @property {string} speakerSlug
 * @property {number} quoteId
 * @property {number} sourceId
 * @property {number} topicId
 * @property {number} roomId
 * @property {string} password
 * @property {ForgedSession[]} forgedSessions
 * @property {{ csrfToken: string, cookie: string, email: string, password: string }} authForm
 * @property {Buffer} png
 * @property {string} sentinel
 * @property {() => string} uniqueEmail
 */

/** A request from another site's page, as a browser marks it. */
export const CROSS_SITE = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };
/** A sandboxed frame or a local file: the browser sends Origin: null. */
export const NULL_ORIGIN = { origin: "null" };

/**
 * @param {string} name
 * @param {string} rule
 * @param {AbuseRequest} request
 * @returns {AbuseCase}
 */
export function refused(name, rule, request) {
  return { name, rule, request, expect: "refused" };
}

/**
 * The session cookies a console endpoint must not believe (ctx.forgedSessions: none, garbage,
 * tampered, expired, stale, unknown user), and the role that lacks the permission, if any.
 * @param {AbuseContext} ctx
 * @param {AbuseRequest} request
 * @param {string | null} [wrongRole]
 */
export function sessionCases(ctx, request, wrongRole) {
  const cases = ctx.forgedSessions.map((s) => refused(s.name, s.rule, { ...request, cookie: s.cookie }));
  // A speaker (the fourth role) signs in with their portal link: that cookie opens no console door.
  const speaker = ctx.cookies.speaker;
  if (speaker && request.cookie !== speaker) {
    cases.push(refused("signed in as a speaker (the portal's cookie), a role with no console permission", "wrong role", { ...request, cookie: speaker }));
  }
  if (wrongRole) {
    cases.push(refused(`signed in as ${wrongRole}, whose role lacks the permission`, "wrong role", { ...request, cookie: ctx.cookies[wrongRole] }));
  }
  return cases;
}

/**
 * The same request from another site's page and from a null origin, with a valid session.
 * @param {AbuseRequest} request
 */
export function crossSiteCases(request) {
  return [
    refused("from another site's page (Origin: https://evil.example, Sec-Fetch-Site: cross-site)", "cross-site", {
      ...request,
      headers: { ...request.headers, ...CROSS_SITE },
    }),
    refused("from a sandboxed frame (Origin: null)", "cross-site", { ...request, headers: { ...request.headers, ...NULL_ORIGIN } }),
  ];
}

/**
 * Pairs of [label, value] naming each wrong JSON type for a field whose right type is `right`.
 * @param {string} right
 * @returns {Array<[string, unknown]>}
 */
export function wrongTypes(right) {
  /** @type {Array<[string, unknown]>} */
  const all = [
    ["a number", 12345],
    ["a string", "12345"],
    ["a list", ["x"]],
    ["an object", { x: 1 }],
    ["null", null],
    ["a boolean", true],
  ];
  return all.filter(([label]) => label !== right);
}
