// @ts-check
// The security headers of every response the production server (server.mjs) sends.
//
// Public pages are rendered ahead of requests, so a per-request nonce would force them to render
// per request. Instead, the policy allows exactly the inline scripts of the page it is sent with:
// server/hash-inline-scripts.mjs hashes each one (Next's bootstrap and its streamed RSC data are
// inline scripts) and the policy lists the hashes. No other inline script, and no other origin, may run.
import { createHash } from "node:crypto";
import { trustedEntry, trustedHops } from "./trust-proxy.mjs";

/**
 * The players of the video hosts a session's recording may be on (lib/materials/recording.ts
 * PLAYER_ORIGINS, kept equal by its test): a page frames one only after the visitor clicks for it.
 */
export const PLAYER_ORIGINS = [
  "https://player.bilibili.com",
  "https://player.youku.com",
  "https://v.qq.com",
  "https://www.youtube-nocookie.com",
  "https://player.vimeo.com",
];

/** The one page that may use the camera: the door staff's ticket scanner. */
const CAMERA_PAGE = /^\/(en|zh-CN)\/checkin(\/|$|\?)/;

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/**
 * `'sha256-…'` sources for every inline script in an HTML document (scripts with `src` excluded).
 * @param {string | Buffer} html
 */
export function inlineScriptHashes(html) {
  // latin1 maps each byte to one character, so the slices below are the exact bytes the browser hashes.
  const text = Buffer.isBuffer(html) ? html.toString("latin1") : Buffer.from(html, "utf8").toString("latin1");
  const hashes = new Set();
  for (const match of text.matchAll(SCRIPT)) {
    const [, attributes = "", body = ""] = match;
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const digest = createHash("sha256").update(Buffer.from(body, "latin1")).digest("base64");
    hashes.add(`'sha256-${digest}'`);
  }
  return [...hashes];
}

/**
 * The Content-Security-Policy for a response whose inline scripts have these hashes.
 * @param {string[]} [scriptHashes]
 */
export function contentSecurityPolicy(scriptHashes = [], https = false) {
  const directives = [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.length ? " " + scriptHashes.join(" ") : ""}`,
    // React's style attributes (progress bars, track colours) are inline styles; scripts are what matter.
    "style-src 'self' 'unsafe-inline'",
    // QR codes and the scanner's camera frames are data: and blob: images.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' blob:",
    `frame-src 'self' ${PLAYER_ORIGINS.join(" ")}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/**
 * Whether the client reached us over HTTPS: directly, or through a proxy we were told to trust.
 * @param {{ socket?: { encrypted?: boolean } | object, headers: import("node:http").IncomingHttpHeaders }} req
 *   a request (a TLS socket has `encrypted`)
 * @param {number} [hops]
 */
export function overHttps(req, hops = trustedHops()) {
  if (req.socket && "encrypted" in req.socket && req.socket.encrypted) return true;
  if (!hops) return false;
  const proto = req.headers["x-forwarded-proto"];
  return trustedEntry(Array.isArray(proto) ? proto.join(",") : proto, hops)?.toLowerCase() === "https";
}

/** The headers every response carries, whatever its type (the CSP without hashes for non-HTML). */
export function securityHeaders(url = "/", https = false) {
  const camera = CAMERA_PAGE.test(url) ? "camera=(self)" : "camera=()";
  return {
    "content-security-policy": contentSecurityPolicy([], https),
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": `${camera}, microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()`,
    ...(https ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
