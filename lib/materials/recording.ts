/**
 * Recording links: only pages of the allowed video hosts, each turned into the address of its
 * player, which the session page loads only once the visitor asks for it (no third-party script
 * or cookie before). Anything else (another host, javascript:, data:, a look-alike domain) is refused.
 */

export const VIDEO_HOSTS = ["bilibili", "youku", "tencent", "youtube", "vimeo"] as const;
export type VideoHost = (typeof VIDEO_HOSTS)[number];

/** The hosts' names as their viewers know them: shown on the placeholder, in both languages. */
export const VIDEO_HOST_NAMES: Record<VideoHost, { en: string; zh: string }> = {
  bilibili: { en: "Bilibili", zh: "哔哩哔哩" },
  youku: { en: "Youku", zh: "优酷" },
  tencent: { en: "Tencent Video", zh: "腾讯视频" },
  youtube: { en: "YouTube", zh: "YouTube" },
  vimeo: { en: "Vimeo", zh: "Vimeo" },
};

/**
 * The origins the players are loaded from: the only ones the Content-Security-Policy's frame-src
 * allows (server/security-headers.mjs; a test keeps the two lists the same).
 */
export const PLAYER_ORIGINS: Record<VideoHost, string> = {
  bilibili: "https://player.bilibili.com",
  youku: "https://player.youku.com",
  tencent: "https://v.qq.com",
  youtube: "https://www.youtube-nocookie.com",
  vimeo: "https://player.vimeo.com",
};

export type RecordingLink = { host: VideoHost; id: string; url: string };

export type RecordingLinkError = "recordingUrlInvalid" | "recordingHostNotAllowed";

export const MAX_RECORDING_URL = 500;

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const BILIBILI_ID = /^(BV[0-9A-Za-z]{10}|av\d{1,12})$/;
const YOUKU_ID = /^[A-Za-z0-9=]{6,40}$/;
const TENCENT_ID = /^[0-9a-z]{8,20}$/;
const VIMEO_ID = /^\d{1,12}$/;

const hostIs = (hostname: string, ...names: string[]) => names.includes(hostname);

/** The video's host and id from the page address a person pasted, or null if it is none of ours. */
function identify(url: URL): { host: VideoHost; id: string } | null {
  const h = url.hostname.toLowerCase();
  const segments = url.pathname.split("/").filter(Boolean);
  if (
    hostIs(
      h,
      "youtube.com",
      "www.youtube.com",
      "m.youtube.com",
      "youtube-nocookie.com",
      "www.youtube-nocookie.com",
    )
  ) {
    const id =
      segments[0] === "watch"
        ? url.searchParams.get("v")
        : ["embed", "live", "shorts"].includes(segments[0] ?? "")
          ? segments[1]
          : null;
    return id && YOUTUBE_ID.test(id) ? { host: "youtube", id } : null;
  }
  if (hostIs(h, "youtu.be")) {
    const id = segments[0];
    return id && YOUTUBE_ID.test(id) ? { host: "youtube", id } : null;
  }
  if (hostIs(h, "bilibili.com", "www.bilibili.com", "m.bilibili.com")) {
    const id = segments[0] === "video" ? segments[1] : null;
    return id && BILIBILI_ID.test(id) ? { host: "bilibili", id } : null;
  }
  if (hostIs(h, "v.youku.com")) {
    const match = segments[0] === "v_show" ? /^id_(.+)\.html$/.exec(segments[1] ?? "") : null;
    return match && YOUKU_ID.test(match[1]!) ? { host: "youku", id: match[1]! } : null;
  }
  if (hostIs(h, "v.qq.com", "m.v.qq.com")) {
    // /x/page/<vid>.html and /x/cover/<cover>/<vid>.html
    const last = segments.at(-1) ?? "";
    const match =
      segments[0] === "x" && (segments[1] === "page" || segments[1] === "cover")
        ? /^([0-9a-z]+)\.html$/.exec(last)
        : null;
    return match && TENCENT_ID.test(match[1]!) && segments.length >= 3
      ? { host: "tencent", id: match[1]! }
      : null;
  }
  if (hostIs(h, "vimeo.com", "www.vimeo.com", "player.vimeo.com")) {
    const id = segments[0] === "video" ? segments[1] : segments[0];
    return id && VIMEO_ID.test(id) ? { host: "vimeo", id } : null;
  }
  return null;
}

/** The canonical page of a video: what is stored and linked to. */
function pageUrl(host: VideoHost, id: string): string {
  switch (host) {
    case "youtube":
      return `https://www.youtube.com/watch?v=${id}`;
    case "bilibili":
      return `https://www.bilibili.com/video/${id}`;
    case "youku":
      return `https://v.youku.com/v_show/id_${id}.html`;
    case "tencent":
      return `https://v.qq.com/x/page/${id}.html`;
    case "vimeo":
      return `https://vimeo.com/${id}`;
  }
}

/**
 * Checks a recording link and gives it back in its canonical form. Only http(s) addresses of the
 * allowed hosts, with no user name or password in them, naming a video.
 */
export function parseRecordingUrl(
  raw: string,
): { ok: true; link: RecordingLink } | { ok: false; error: RecordingLinkError } {
  const value = raw.trim();
  if (!value || value.length > MAX_RECORDING_URL)
    return { ok: false, error: "recordingUrlInvalid" };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, error: "recordingUrlInvalid" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return { ok: false, error: "recordingUrlInvalid" };
  if (url.username || url.password || url.port)
    return { ok: false, error: "recordingHostNotAllowed" };
  const found = identify(url);
  if (!found) return { ok: false, error: "recordingHostNotAllowed" };
  return { ok: true, link: { ...found, url: pageUrl(found.host, found.id) } };
}

/** A stored link as its host and id again (stored links are canonical, so this always succeeds for them). */
export function recordingLinkOf(stored: string): RecordingLink | null {
  const parsed = parseRecordingUrl(stored);
  return parsed.ok ? parsed.link : null;
}

/** The player's address, starting `start` seconds in and playing at once (the visitor clicked for it). */
export function embedUrl(link: RecordingLink, start = 0): string {
  const t = Math.max(0, Math.floor(start));
  const origin = PLAYER_ORIGINS[link.host];
  switch (link.host) {
    case "youtube":
      return `${origin}/embed/${link.id}?autoplay=1${t ? `&start=${t}` : ""}`;
    case "bilibili":
      return `${origin}/player.html?${link.id.startsWith("BV") ? "bvid" : "aid"}=${link.id.replace(/^av/, "")}&autoplay=1${t ? `&t=${t}` : ""}`;
    case "youku":
      return `${origin}/embed/${link.id}?autoplay=1`;
    case "tencent":
      return `${origin}/txp/iframe/player.html?vid=${link.id}&autoplay=true${t ? `&starttime=${t}` : ""}`;
    case "vimeo":
      return `${origin}/video/${link.id}?autoplay=1${t ? `#t=${t}s` : ""}`;
  }
}

/** The video's page at a moment, for a link that leaves the site (a quote's "watch from here"). */
export function pageUrlAt(link: RecordingLink, start: number): string {
  const t = Math.max(0, Math.floor(start));
  if (!t) return link.url;
  switch (link.host) {
    case "youtube":
      return `${link.url}&t=${t}s`;
    case "bilibili":
      return `${link.url}?t=${t}`;
    case "vimeo":
      return `${link.url}#t=${t}s`;
    default:
      // Youku and Tencent Video take no start time in a page address.
      return link.url;
  }
}
