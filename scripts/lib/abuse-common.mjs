// @ts-check
// Cases that every kind of target shares: sessions that must not be believed, other sites' pages.

/** A request from another site's page, as a browser marks it. */
export const CROSS_SITE = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };
/** A sandboxed frame or a local file: the browser sends Origin: null. */
export const NULL_ORIGIN = { origin: "null" };

export function refused(name, rule, request) {
  return { name, rule, request, expect: "refused" };
}

/**
 * The session cookies a console endpoint must not believe (ctx.forgedSessions: none, garbage,
 * tampered, expired, stale, unknown user), and the role that lacks the permission, if any.
 */
export function sessionCases(ctx, request, wrongRole) {
  const cases = ctx.forgedSessions.map((s) => refused(s.name, s.rule, { ...request, cookie: s.cookie }));
  if (wrongRole) {
    cases.push(refused(`signed in as ${wrongRole}, whose role lacks the permission`, "wrong role", { ...request, cookie: ctx.cookies[wrongRole] }));
  }
  return cases;
}

/** The same request from another site's page and from a null origin, with a valid session. */
export function crossSiteCases(request) {
  return [
    refused("from another site's page (Origin: https://evil.example, Sec-Fetch-Site: cross-site)", "cross-site", {
      ...request,
      headers: { ...request.headers, ...CROSS_SITE },
    }),
    refused("from a sandboxed frame (Origin: null)", "cross-site", { ...request, headers: { ...request.headers, ...NULL_ORIGIN } }),
  ];
}

/** Pairs of [label, value] naming each wrong JSON type for a field whose right type is `right`. */
export function wrongTypes(right) {
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
