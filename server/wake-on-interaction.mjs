// @ts-check
// Pages that wake on interaction: the public pages people read more than they use (the home page,
// the agenda, sessions, speakers, quotes, privacy) are sent without Next's scripts. The HTML is
// whole without them (rendered ahead, every link a real link), and on a mid-range phone parsing and
// running the framework cost more than a second of a blocked main thread before the page answers
// a touch. public/wake.js loads the scripts at the first sign of use (a touch, a key, focus, the
// mouse moving), and React hydrates the page as it would have at load; what the page must do
// before that (the offline notice, feedback links, now-and-next, the stars' state) it does itself.
//
// Relies on the HTML Next 16 writes: its framework and page chunks are `<script src="/_next/static/…"
// async="">` elements, with `<link rel="preload" as="script">` hints, and its inline flight scripts
// only queue data (self.__next_f) for those chunks to read. server/wake-on-interaction.test.ts
// pins this against a real build's page, so that an upgrade that changes it fails CI.

/**
 * The pages that wake on interaction, by address. An edition's own pages carry its path after the
 * language (/en/2024/agenda); the console's pages (/en/admin/agenda) are not an edition's.
 */
const READ_PAGE =
  /^\/(?:en|zh-CN)(?:\/(?:agenda(?:\/[^/]+)?|sessions\/[^/]+|speakers(?:\/[^/]+)?|quotes(?:\/\d+)?|privacy|(?!admin\/)[\w-]+\/(?:agenda(?:\/[^/]+)?|sessions\/[^/]+|quotes)))?\/?$/;

/** @param {string} path the address without its query */
export function wakesOnInteraction(path) {
  return READ_PAGE.test(path);
}

const CHUNK = /<script src="(\/_next\/static\/[^"]+\.js)" async=""><\/script>/g;
const PRELOAD = /<link rel="preload" as="script"[^>]*>/g;
const WAKE = '<script id="forum-wake" src="/wake.js"';
/** Next's inline flight data: it only queues strings for the chunks, so it waits for them, unrun. */
const FLIGHT = /<script>(\(self\.__next_f=self\.__next_f\|\|\[\]\)\.push\(|self\.__next_f\.push\()/g;

/**
 * The page without Next's chunk scripts and their preload hints, listed instead on the wake
 * script's `data-chunks` for it to load; its inline flight data typed so that it does not run
 * (parsing and running it cost a slow phone tens of milliseconds), for the wake script to run
 * before the chunks. Any other inline script (Next's own streaming of late parts) runs as before.
 * A page without the wake script (not ours, or an error page of Next's) comes back as it was.
 * @param {Buffer} html
 * @returns {Buffer}
 */
export function deferFrameworkScripts(html) {
  const text = html.toString("utf8");
  if (!text.includes(WAKE)) return html;
  /** @type {string[]} */
  const chunks = [];
  const stripped = text
    .replace(CHUNK, (_, src) => {
      chunks.push(src);
      return "";
    })
    .replace(PRELOAD, "")
    .replace(FLIGHT, '<script type="forum/flight">$1');
  if (chunks.length === 0) return html;
  return Buffer.from(stripped.replace(WAKE, `${WAKE} data-chunks="${chunks.join(" ")}"`), "utf8");
}
