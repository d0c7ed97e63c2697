// @ts-check
// The one small script every page loads (components/wake-script.tsx puts it in the layout). It does
// what a page must do before, or without, React:
//
// - On a page that wakes on interaction (server/wake-on-interaction.mjs: the public pages that are
//   read more than used), the server has taken Next's scripts out of the HTML and listed them on
//   this script's `data-chunks`. A phone then reads the page without parsing or running the
//   framework. The first sign that the person is about to use it (a touch, a key, focus, the mouse
//   moving) loads them, and React hydrates the page as it would have at load. A button pressed before
//   React is ready is pressed again once it is (the "forum:hydrated" event of
//   components/hydration-signal.tsx); a field typed in or a choice made is handed to React then.
// - Everywhere: the offline notice, the feedback links, the now-and-next box of the home page, the
//   language switch's memory, the star buttons' state before React, and the service worker.
(function () {
  "use strict";

  const STARS_KEY = "forum.stars";
  const TOKEN_KEY = "forum.manageToken";
  const script = document.currentScript;
  const chunks = (script?.getAttribute("data-chunks") ?? "").split(" ").filter(Boolean);

  /** @param {string} key */
  function stored(key) {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  }

  function token() {
    const value = stored(TOKEN_KEY);
    return value && /^[A-Za-z0-9_-]{32}$/.test(value) ? value : null;
  }

  /** @returns {string[]} */
  function stars() {
    try {
      const list = JSON.parse(stored(STARS_KEY) ?? "[]");
      return Array.isArray(list) ? list.filter((s) => typeof s === "string") : [];
    } catch {
      return [];
    }
  }

  // ---- Waking the page --------------------------------------------------------------------------

  /** "asleep": Next's scripts not loaded yet; "waking": loading; "awake": React has hydrated (or the page hydrates on its own). */
  let state = chunks.length > 0 ? "asleep" : "awake";
  /** @type {HTMLElement[]} buttons pressed before React was ready */
  const pressed = [];
  /** @type {Map<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, string>} values changed before React was ready */
  const changed = new Map();

  function wake() {
    if (state !== "asleep") return;
    state = "waking";
    // The page's flight data first, in its order (the server typed it so that it waited), then the chunks that read it.
    for (const data of document.querySelectorAll('script[type="forum/flight"]')) {
      const run = document.createElement("script");
      run.textContent = data.textContent;
      data.replaceWith(run);
    }
    for (const src of chunks) {
      const tag = document.createElement("script");
      tag.src = src;
      tag.async = true;
      document.head.appendChild(tag);
    }
  }

  /**
   * Hands React what happened while it loaded. A value is set so that React's own record of the
   * field's value differs from it (React fires onChange only on a change it has not seen).
   */
  function replay() {
    for (const [field, value] of changed) {
      if (!field.isConnected) continue;
      const prototype = Object.getPrototypeOf(field);
      const setValue = Object.getOwnPropertyDescriptor(prototype, "value")?.set;
      if (!(field instanceof HTMLSelectElement)) field.value = value === "" ? " " : "";
      setValue?.call(field, value);
      field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
    }
    changed.clear();
    for (const button of pressed.splice(0)) if (button.isConnected) button.click();
  }

  if (state === "asleep") {
    // The HTML rendered ahead is the page without its address's query (filters, a day: ?day=) or a
    // recording's moment (#t=): React applies those, so such an address wakes at once. `?now=` is
    // this script's own (now-and-next).
    const query = [...new URLSearchParams(window.location.search).keys()].some((key) => key !== "now");
    if (query || window.location.hash.startsWith("#t=")) wake();
    const intents = ["pointerdown", "touchstart", "keydown", "focusin"];
    for (const type of intents) window.addEventListener(type, wake, { capture: true, passive: true, once: true });
    // A mouse moving over the page: a desktop, where loading early costs little and saves the wait.
    window.addEventListener("pointermove", (event) => event.pointerType === "mouse" && wake(), { capture: true, passive: true });
    // Before React, a button does nothing: keep the press for React. A link still goes where it points.
    window.addEventListener(
      "click",
      (event) => {
        if (state === "awake" || !(event.target instanceof Element)) return;
        const button = event.target.closest("button");
        if (!button || button.disabled) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        if (!pressed.includes(button)) pressed.push(button);
        wake();
      },
      { capture: true },
    );
    /** @param {Event} event */
    const keepValue = (event) => {
      if (state === "awake") return;
      const field = event.target;
      if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement || field instanceof HTMLTextAreaElement) {
        changed.set(field, field.value);
        wake();
      }
    };
    window.addEventListener("input", keepValue, { capture: true });
    window.addEventListener("change", keepValue, { capture: true });
    window.addEventListener(
      "forum:hydrated",
      () => {
        state = "awake";
        // After React's own work of this turn (effects that read the address, say).
        window.setTimeout(replay, 0);
      },
      { once: true },
    );
  }

  // ---- Stars, before React ----------------------------------------------------------------------

  /** The pressed state of the star buttons a page rendered ahead shows unpressed. React keeps it once awake. */
  function showStars() {
    const mine = stars();
    // The HTML shows every star unpressed: only the person's own change (a style recalculation each).
    for (const slug of mine) {
      for (const button of document.querySelectorAll(`button[data-star="${CSS.escape(slug)}"]`)) {
        button.setAttribute("aria-pressed", "true");
        button.querySelector("path")?.setAttribute("fill", "currentColor");
      }
    }
  }

  // ---- Feedback links ---------------------------------------------------------------------------

  /**
   * A session's feedback link (components/feedback-link.tsx renders it hidden): shown in a browser
   * that holds the person's private link, from the session's end until the feedback window closes.
   * @param {ParentNode} root
   */
  function showFeedbackLinks(root) {
    const links = root.querySelectorAll("a[data-feedback-session]");
    if (links.length === 0) return;
    const mine = token();
    const now = Date.now();
    for (const link of links) {
      if (!(link instanceof HTMLAnchorElement)) continue;
      const ends = Number(link.dataset.feedbackEnds);
      const closes = Number(link.dataset.feedbackCloses);
      const open = mine !== null && now >= ends && now < closes;
      if (open) link.href = `${link.dataset.feedbackPrefix}/ticket/${mine}/feedback/${link.dataset.feedbackSession}`;
      link.hidden = !open;
    }
  }

  // ---- Now and next -----------------------------------------------------------------------------

  /** `?now=` an instant with its offset shows the box as it looks then. */
  function now() {
    const override = new URLSearchParams(window.location.search).get("now");
    const parsed = override ? Date.parse(override) : NaN;
    return Number.isNaN(parsed) ? Date.now() : parsed;
  }

  /**
   * The home page's box (app/[locale]/_components/now-next.tsx renders every part of it hidden):
   * what is on now and what comes next, or what the forum's dates are before and after it.
   * @param {ParentNode} root
   */
  function showNowNext(root) {
    for (const box of root.querySelectorAll("[data-now-next]")) {
      if (!(box instanceof HTMLElement)) continue;
      const at = Math.floor(now() / 60000) * 60000;
      /** @param {Element} item */
      const starts = (item) => Number(item.getAttribute("data-starts"));
      /** @param {Element} item */
      const ends = (item) => Number(item.getAttribute("data-ends"));
      const all = [...box.querySelectorAll("[data-now-list] > li")];
      if (all.length === 0) continue;
      const upcoming = all.filter((item) => starts(item) > at);
      const nextStart = upcoming.length ? Math.min(...upcoming.map(starts)) : null;
      const onNow = new Set(all.filter((item) => starts(item) <= at && at < ends(item)).map((item) => item.getAttribute("data-id")));
      const next = new Set(upcoming.filter((item) => starts(item) === nextStart).map((item) => item.getAttribute("data-id")));
      const before = at < Math.min(...all.map(starts));
      const after = upcoming.length === 0 && onNow.size === 0;
      const during = !before && !after;
      /** @param {string} part @param {boolean} shown */
      const show = (part, shown) => {
        const element = box.querySelector(`[data-part="${part}"]`);
        if (element instanceof HTMLElement) element.hidden = !shown;
      };
      const heading = box.querySelector("h2");
      const title = box.getAttribute(after ? "data-past" : before ? "data-next" : "data-now") ?? "";
      if (heading && heading.textContent !== title) heading.textContent = title;
      show("after", after);
      show("before", before);
      show("nothing", during && onNow.size === 0);
      show("now-list", during && onNow.size > 0);
      show("next-heading", during && next.size > 0);
      show("next-list", !after && next.size > 0);
      for (const item of box.querySelectorAll("[data-now-list] > li")) /** @type {HTMLElement} */ (item).hidden = !onNow.has(item.getAttribute("data-id"));
      for (const item of box.querySelectorAll("[data-next-list] > li")) /** @type {HTMLElement} */ (item).hidden = !next.has(item.getAttribute("data-id"));
      box.hidden = false;
    }
  }

  // ---- Offline notice ---------------------------------------------------------------------------

  /**
   * Offline, says so, and when the copy shown was saved (the service worker stamps it). The layout
   * renders an empty slot with the strings (components/offline-notice.tsx).
   */
  async function showOffline() {
    const slot = document.getElementById("offline-notice");
    if (!slot) return;
    if (navigator.onLine) {
      if (slot.firstChild) slot.replaceChildren();
      return;
    }
    let savedAt = null;
    if ("caches" in window) {
      const saved = await caches.match(window.location.origin + window.location.pathname).catch(() => undefined);
      savedAt = saved?.headers.get("x-saved-at") ?? null;
    }
    const note = document.createElement("p");
    note.setAttribute("role", "status");
    note.className = "bg-amber-100 px-4 py-2 text-center text-sm font-medium text-amber-950";
    const when = savedAt
      ? new Intl.DateTimeFormat(slot.dataset.locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(savedAt))
      : null;
    note.textContent = when ? (slot.dataset.savedCopy ?? "").replace("{when}", when) : (slot.dataset.offline ?? "");
    slot.replaceChildren(note);
  }

  // ---- Language switch --------------------------------------------------------------------------

  // The other language keeps the filters in the address, and is remembered for the next visit to "/".
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[data-locale-switch]") : null;
    if (!(link instanceof HTMLAnchorElement)) return;
    link.href = link.pathname + window.location.search;
    document.cookie = `NEXT_LOCALE=${link.dataset.localeSwitch}; path=/; max-age=31536000; samesite=lax`;
  });

  // ---- Service worker ---------------------------------------------------------------------------

  /** Installs public/sw.js once the page has loaded and the main thread is idle. */
  function registerServiceWorker() {
    if (!("serviceWorker" in navigator) || !script?.hasAttribute("data-service-worker")) return;
    const register = () => navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {});
    // Safari has no requestIdleCallback: a short timeout after load does the same there.
    const whenIdle = () => ("requestIdleCallback" in window ? window.requestIdleCallback(register, { timeout: 5000 }) : window.setTimeout(register, 1000));
    if (document.readyState === "complete") whenIdle();
    else window.addEventListener("load", whenIdle, { once: true });
  }

  // ---- Start ------------------------------------------------------------------------------------

  /**
   * Each part in a task of its own, the stars first: on a slow phone no task of this script is long
   * enough to keep the page from answering a touch.
   */
  function start() {
    const parts = [
      // The first read of localStorage can cost a slow phone a few milliseconds: only where there are stars.
      () => state === "asleep" && document.querySelector("button[data-star]") && showStars(),
      () => showNowNext(document),
      () => showFeedbackLinks(document),
      () => {
        void showOffline();
        window.addEventListener("online", () => void showOffline());
        window.addEventListener("offline", () => void showOffline());
        window.setInterval(() => showNowNext(document), 60000);
      },
      () => {
        // Pages React renders in the browser (a client-side navigation, the personal agenda's list):
        // one pass over the page per frame in which elements were added.
        let queued = false;
        new MutationObserver((records) => {
          if (queued || !records.some((record) => [...record.addedNodes].some((node) => node instanceof Element))) return;
          queued = true;
          window.requestAnimationFrame(() => {
            queued = false;
            showFeedbackLinks(document);
            showNowNext(document);
          });
        }).observe(document.body, { childList: true, subtree: true });
      },
      registerServiceWorker,
    ];
    const next = () => {
      parts.shift()?.();
      if (parts.length > 0) window.setTimeout(next, 0);
    };
    window.setTimeout(next, 0);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
  else start();
})();
