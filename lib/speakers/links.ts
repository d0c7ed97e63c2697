/**
 * A speaker's public links. Each address must be http(s) on the host the field names (a LinkedIn
 * link on linkedin.com …): anything else, `javascript:` and `data:` among them, is refused, so that
 * what the public page links to is what its label says.
 */

export type LinkField = "websiteUrl" | "linkedinUrl" | "weiboUrl";

export type LinkError = "badUrl" | "wrongHost" | "tooLong";

export const MAX_URL_LENGTH = 300;
export const MAX_WECHAT_LENGTH = 40;

/** The hosts each field accepts (and their subdomains); null: any public host. */
const HOSTS: Record<LinkField, readonly string[] | null> = {
  websiteUrl: null,
  linkedinUrl: ["linkedin.com"],
  weiboUrl: ["weibo.com", "weibo.cn"],
};

const onHost = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/** A host a visitor's browser can reach on the internet: a name with a dot, not an address literal or a local name. */
function isPublicHostName(host: string): boolean {
  if (!host.includes(".") || host.endsWith(".")) return false;
  if (/^[\d.]+$/.test(host) || host.startsWith("[")) return false;
  return !onHost(host, "localhost") && !onHost(host, "local") && !onHost(host, "internal");
}

/**
 * The address as it will be stored and linked, or an error. An empty value means "no link" (null).
 * A missing scheme ("example.com") is read as https, as people type it.
 */
export function normaliseLink(field: LinkField, raw: string): { ok: true; value: string | null } | { ok: false; error: LinkError } {
  const value = raw.trim();
  if (value === "") return { ok: true, value: null };
  if (value.length > MAX_URL_LENGTH) return { ok: false, error: "tooLong" };
  // A scheme other than http(s) is refused as typed, before any guessing.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme && scheme !== "http" && scheme !== "https") return { ok: false, error: "badUrl" };
  if (/[\s<>"'`\\\u0000-\u001f\u007f]/.test(value)) return { ok: false, error: "badUrl" };
  let url: URL;
  try {
    url = new URL(scheme ? value : `https://${value}`);
  } catch {
    return { ok: false, error: "badUrl" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, error: "badUrl" };
  if (url.username || url.password || url.port) return { ok: false, error: "badUrl" };
  const host = url.hostname.toLowerCase();
  if (!isPublicHostName(host)) return { ok: false, error: "badUrl" };
  const hosts = HOSTS[field];
  if (hosts && !hosts.some((domain) => onHost(host, domain))) return { ok: false, error: "wrongHost" };
  if (url.href.length > MAX_URL_LENGTH) return { ok: false, error: "tooLong" };
  return { ok: true, value: url.href };
}

/**
 * A WeChat official account's name (or ID), shown as text: WeChat gives accounts no web address.
 * Letters of any script, digits, spaces and _ - · only, so that it cannot pass for a link.
 */
export function normaliseWechat(raw: string): { ok: true; value: string | null } | { ok: false; error: "badName" | "tooLong" } {
  const value = raw.trim().replace(/\s+/g, " ");
  if (value === "") return { ok: true, value: null };
  if ([...value].length > MAX_WECHAT_LENGTH) return { ok: false, error: "tooLong" };
  if (!/^[\p{L}\p{N}][\p{L}\p{N}\p{M} _\-·]*$/u.test(value)) return { ok: false, error: "badName" };
  return { ok: true, value };
}
