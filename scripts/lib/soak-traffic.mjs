// @ts-check
// What the soak benchmark's clients do: browse the public site, register, check people in at the
// door, and edit in the console. Each `run…` sends one step's requests and reports them.
import { createHmac } from "node:crypto";
import Database from "better-sqlite3";
import { actionBody, actionHeaders, actionId, actionResult, formData, routerStateTree } from "./next-client.mjs";
import { request, text } from "./soak-http.mjs";

export const FORUM_DAYS = ["2024-07-11", "2024-07-12", "2024-07-13"];
const LOCALES = ["en", "zh-CN"];

/**
 * @template T
 * @param {readonly T[]} list not empty
 * @returns {T}
 */
const pick = (list) => /** @type {T} */ (list[Math.floor(Math.random() * list.length)]);
/**
 * A key of `weights` ({ key: weight }) drawn in proportion to its weight.
 * @template {string} K
 * @param {Record<K, number>} weights
 * @returns {K}
 */
export function weighted(weights) {
  const entries = /** @type {Array<[K, number]>} */ (Object.entries(weights));
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let r = Math.random() * total;
  for (const [key, weight] of entries) {
    r -= weight;
    if (r < 0) return key;
  }
  return /** @type {[K, number]} */ (entries.at(-1))[0];
}

// --- the public site ----------------------------------------------------------------------------

/**
 * @typedef {"agenda" | "session" | "home" | "speaker" | "quotes" | "speakers" | "quote" | "myAgenda"} PageKind
 * @typedef {Record<string, Record<PageKind, string[]>>} Pages the addresses of each kind, per locale
 */

/**
 * Kinds of public page, how often a visitor opens each, and the router segment of its page.
 * @type {Record<PageKind, { weight: number, segment: string }>}
 */
const PAGE_KINDS = {
  agenda: { weight: 30, segment: "/$d$locale/agenda/__PAGE__" },
  session: { weight: 25, segment: "/$d$locale/sessions/$d$slug/__PAGE__" },
  home: { weight: 15, segment: "/$d$locale/__PAGE__" },
  speaker: { weight: 8, segment: "/$d$locale/speakers/$d$slug/__PAGE__" },
  quotes: { weight: 7, segment: "/$d$locale/quotes/__PAGE__" },
  speakers: { weight: 5, segment: "/$d$locale/speakers/__PAGE__" },
  quote: { weight: 5, segment: "/$d$locale/quotes/$d$id/__PAGE__" },
  myAgenda: { weight: 5, segment: "/$d$locale/my-agenda/__PAGE__" },
};
/** What one browsing request is: a page load, a prefetch of a link in view, or a static file. */
export const BROWSE_MIX = { document: 40, prefetch: 40, asset: 20 };

/**
 * The public pages, read from the public API (what a visitor can reach): per locale, per kind, the
 * addresses. The agenda's day tabs are addresses of their own (?day=), as visitors share them.
 * @param {string} base
 * @param {import("node:http").Agent} agent
 */
export async function publicPages(base, agent) {
  /**
   * @param {string} pathname
   * @returns {Promise<Array<{ slug: string, id: number }>>}
   */
  const list = async (pathname) => {
    const answer = await request(base, agent, {
      path: pathname,
      headers: { accept: "application/json" },
    });
    if (answer.status !== 200) throw new Error(`GET ${pathname} answered ${answer.status}.`);
    return JSON.parse(text(answer)).data;
  };
  const [sessions, speakers, quotes] = await Promise.all([
    list("/api/v1/sessions"),
    list("/api/v1/speakers"),
    list("/api/v1/quotes?limit=100"),
  ]);
  /** @type {Pages} */
  const pages = {};
  for (const locale of LOCALES) {
    pages[locale] = {
      agenda: [`/${locale}/agenda`, ...FORUM_DAYS.map((day) => `/${locale}/agenda?day=${day}`)],
      session: sessions.map((s) => `/${locale}/sessions/${s.slug}`),
      home: [`/${locale}`],
      speaker: speakers.map((s) => `/${locale}/speakers/${s.slug}`),
      quotes: [`/${locale}/quotes`],
      speakers: [`/${locale}/speakers`],
      quote: quotes.map((q) => `/${locale}/quotes/${q.id}`),
      myAgenda: [`/${locale}/my-agenda`],
    };
  }
  return { pages, speakers: speakers.map((s) => s.slug), quotes: quotes.map((q) => q.id) };
}

const KINDS = /** @type {PageKind[]} */ (Object.keys(PAGE_KINDS));

/**
 * Every page address once, with the router segment its prefetch asks for.
 * @param {Pages} pages
 */
export function allPages(pages) {
  /** @type {Array<{ locale: string, path: string, segment: string }>} */
  const out = [];
  for (const locale of LOCALES) {
    for (const kind of KINDS) {
      for (const p of pages[locale]?.[kind] ?? []) out.push({ locale, path: p, segment: PAGE_KINDS[kind].segment });
    }
  }
  return out;
}

/**
 * @param {Pages} pages
 * @param {string} [locale]
 */
function randomPage(pages, locale = pick(LOCALES)) {
  const weights = /** @type {Record<PageKind, number>} */ (Object.fromEntries(KINDS.map((kind) => [kind, PAGE_KINDS[kind].weight])));
  const kind = weighted(weights);
  return { locale, path: pick(pages[locale]?.[kind] ?? []), segment: PAGE_KINDS[kind].segment };
}

/**
 * Static files a page load fetches: its scripts and style sheets, the icon, the service worker, and
 * the scripts a page that wakes on interaction lists for when it wakes (`data-chunks`).
 * @param {string} html
 */
export function assetsOf(html) {
  /** @type {Set<string>} */
  const found = new Set();
  for (const match of html.matchAll(/data-chunks="([^"]+)"/g)) for (const src of (match[1] ?? "").split(" ")) if (src) found.add(src);
  for (const match of html.matchAll(
    /(?:src|href)="(\/(?:_next\/static\/[^"]+|icon\.png[^"]*|manifest\.webmanifest))"/g,
  )) {
    found.add((match[1] ?? "").replaceAll("&amp;", "&"));
  }
  return found;
}

/**
 * One browsing step: a page load, a static file, or the prefetch of a link in view. A prefetch is
 * what the router sends: the page's route tree first (`/_tree`), then the segments that tree asks
 * for (see layoutInlinedIn), each a request of its own.
 * @param {{ pages: Pages, assets: string[] }} site
 * @returns {{ sub: "asset" | "document", path: string, headers: Record<string, string> } | { sub: "prefetch", pathname: string, segment: string, from: string }}
 */
export function browseRequest(site) {
  const sub = weighted(BROWSE_MIX);
  if (sub === "asset")
    return {
      sub,
      path: pick(site.assets),
      headers: { accept: "*/*", "sec-fetch-site": "same-origin", "sec-fetch-mode": "no-cors" },
    };
  const page = randomPage(site.pages);
  if (sub === "document") {
    return {
      sub,
      path: page.path,
      headers: {
        accept: "text/html,application/xhtml+xml,*/*;q=0.8",
        "sec-fetch-site": "same-origin",
        "sec-fetch-mode": "navigate",
        "sec-fetch-dest": "document",
      },
    };
  }
  // The link is in view on another page of the same language, the one the visitor is on.
  const from = randomPage(site.pages, page.locale).path.split("?")[0] ?? "";
  return { sub, pathname: page.path.split("?")[0] ?? "", segment: page.segment, from };
}

// --- registration ------------------------------------------------------------------------------

const SURNAMES = [
  "Wang",
  "Li",
  "Zhang",
  "Liu",
  "Chen",
  "Yang",
  "Huang",
  "Zhao",
  "Wu",
  "Zhou",
  "Schmidt",
  "Müller",
  "Tanaka",
  "Kim",
  "Dubois",
  "Rossi",
  "Smith",
  "García",
];
const GIVEN = [
  "Wei",
  "Fang",
  "Min",
  "Jing",
  "Lei",
  "Yan",
  "Hao",
  "Xin",
  "Anna",
  "Lukas",
  "Yuki",
  "Ji-ho",
  "Marie",
  "Luca",
  "James",
  "Sofía",
];
const CATEGORIES = ["industry", "media", "government", "academia", "other"];

/**
 * @param {string} runId
 * @param {number} n
 */
export function registrationBody(runId, n) {
  const days = FORUM_DAYS.filter(() => Math.random() < 0.6);
  if (days.length === 0) days.push(pick(FORUM_DAYS));
  return {
    fullName: `${pick(SURNAMES)} ${pick(GIVEN)} ${n}`,
    email: `soak-${runId}-${n}@example.test`,
    organisation: `Soak Motors ${n % 97}`,
    jobTitle: "Engineer",
    category: pick(CATEGORIES),
    days,
    consent: true,
    locale: pick(LOCALES),
  };
}

/**
 * @param {string} code
 * @param {string} secret
 */
export const ticketToken = (code, secret) =>
  `${code}.${createHmac("sha256", Buffer.from(secret)).update(`ticket:v1:${code}`).digest().subarray(0, 16).toString("base64url")}`;

// --- the console's forms -------------------------------------------------------------------------

/** @typedef {Array<[string, string]>} Fields a form's fields in its order, a name may repeat */
/** @typedef {{ ok?: boolean, saved?: boolean, revision?: number, [key: string]: unknown }} FormState what a console form's action answers, and gets back as its previous state */
/**
 * @typedef {{ id: number, slug: string, name_en: string, name_zh: string | null, title_en: string, title_zh: string,
 *   organisation_en: string, organisation_zh: string, bio_en: string, bio_zh: string, listed: number }} SpeakerRow
 * @typedef {{ id: number, speaker_id: number, kind: string, language: string, text: string, translation: string | null,
 *   session_id: number | null, said_on: string | null, source_id: number }} QuoteRow
 * @typedef {{ id: number, type: string, title_en: string, title_zh: string, abstract_en: string, abstract_zh: string,
 *   room_id: number | null, track_id: number | null, starts_at: number, ends_at: number, seat_limit: number | null,
 *   status: string, version: number, draft: string | null, draft_revision: number | null }} SessionRow
 * @typedef {{ type: string, titleEn: string, titleZh: string, abstractEn: string, abstractZh: string, roomId: number | null,
 *   trackId: number | null, startsAt: number, endsAt: number, seatLimit: number | null,
 *   speakers: Array<{ speakerId: number, role: string }>, cancelled: boolean }} SessionData a session as its editor holds it
 */

/**
 * The console forms' Server Action ids in the build.
 * @param {string} distDir
 */
export function actionIds(distDir) {
  return {
    speaker: actionId(distDir, "app/[locale]/admin/speakers/actions.ts", "updateSpeakerAction"),
    quote: actionId(distDir, "app/[locale]/admin/quotes/actions.ts", "updateQuoteAction"),
    agenda: actionId(distDir, "app/[locale]/admin/agenda/actions.ts", "saveSessionAction"),
  };
}

/** @param {string} timeZone */
function forumClock(timeZone) {
  const format = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  /** @param {number} ms */
  return (ms) => {
    const p = Object.fromEntries(format.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
  };
}

/**
 * What the console's edit forms show, read from the database the way the pages read it: the public
 * speakers and quotes (`slugs`, `quoteIds`), and every session's draft (or published state) with
 * its revision. Each is a form an organizer can save.
 * @param {string} dbPath
 * @param {{ slugs: string[], quoteIds: number[] }} shown
 */
export function consoleForms(dbPath, { slugs, quoteIds }) {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const event = /** @type {{ tz: string }} */ (db.prepare("select time_zone as tz from events limit 1").get());
    const clock = forumClock(event.tz);
    const speakerRows = /** @type {SpeakerRow[]} */ (
      db.prepare(`select * from speakers where slug in (${slugs.map(() => "?").join(",")}) order by id`).all(...slugs)
    );
    const speakers = speakerRows.map((s) => ({
        key: `speaker:${s.id}`,
        id: s.id,
        slug: s.slug,
        bio: s.bio_en,
        /** @param {string} bio @returns {Fields} */
        fields: (bio) => [
          ["id", String(s.id)],
          ["nameEn", s.name_en],
          ["nameZh", s.name_zh ?? ""],
          ["titleEn", s.title_en],
          ["titleZh", s.title_zh],
          ["organisationEn", s.organisation_en],
          ["organisationZh", s.organisation_zh],
          ["bioEn", bio],
          ["bioZh", s.bio_zh],
          ...(s.listed ? /** @type {Fields} */ ([["listed", "on"]]) : []),
        ],
      }));
    const topicsOf = db.prepare(
      "select topic_id as id from quote_topics where quote_id = ? order by topic_id",
    );
    const quoteRows = /** @type {QuoteRow[]} */ (
      db.prepare(`select * from quotes where id in (${quoteIds.map(() => "?").join(",")}) order by id`).all(...quoteIds)
    );
    const quotes = quoteRows
      .map((q) => ({ ...q, topics: topicsOf.all(q.id).map((t) => String(/** @type {{ id: number }} */ (t).id)) }))
      .map((q) => ({
        key: `quote:${q.id}`,
        id: q.id,
        translation: q.translation ?? "",
        /** @param {string} translation @returns {Fields} */
        fields: (translation) => [
          ["id", String(q.id)],
          ["speakerId", String(q.speaker_id)],
          ["kind", q.kind],
          ["language", q.language],
          ["text", q.text],
          ["translation", translation],
          ["sessionId", q.session_id === null ? "" : String(q.session_id)],
          ["saidOn", q.said_on ?? ""],
          ...q.topics.map((id) => /** @type {[string, string]} */ (["topicIds", id])),
          ["sourceMode", "existing"],
          ["sourceId", String(q.source_id)],
        ],
      }));
    const people = db.prepare(
      "select speaker_id as speakerId, role from session_speakers where session_id = ? order by position",
    );
    const sessionRows = /** @type {SessionRow[]} */ (
      db.prepare("select s.*, d.data as draft, d.revision as draft_revision from sessions s left join session_drafts d on d.session_id = s.id order by s.id").all()
    );
    const sessions = sessionRows
      .map((s) => {
        /** @type {SessionData | null} */
        const draft = s.draft ? JSON.parse(s.draft) : null;
        /** @type {SessionData} */
        const data = draft ?? {
          type: s.type,
          titleEn: s.title_en,
          titleZh: s.title_zh,
          abstractEn: s.abstract_en,
          abstractZh: s.abstract_zh,
          roomId: s.room_id,
          trackId: s.track_id,
          startsAt: s.starts_at,
          endsAt: s.ends_at,
          seatLimit: s.seat_limit,
          speakers: /** @type {SessionData["speakers"]} */ (people.all(s.id)),
          cancelled: s.status === "cancelled",
        };
        const start = clock(data.startsAt);
        const end = clock(data.endsAt);
        return {
          key: `session:${s.id}`,
          id: s.id,
          status: s.status,
          revision: draft ? Number(s.draft_revision) : s.version,
          abstract: data.abstractEn,
          roomId: data.roomId,
          // The editor's form, in its order; the revision is the one the form started from.
          /** @param {string} abstract @param {number} revision @returns {Fields} */
          fields: (abstract, revision) => [
            ["sessionId", String(s.id)],
            ["revision", String(revision)],
            ["titleEn", data.titleEn],
            ["titleZh", data.titleZh],
            ["abstractEn", abstract],
            ["abstractZh", data.abstractZh],
            ["type", data.type],
            ["trackId", data.trackId === null ? "" : String(data.trackId)],
            ["roomId", data.roomId === null ? "" : String(data.roomId)],
            ["day", start.day],
            ["start", start.time],
            ["end", end.time],
            ["seatLimit", data.seatLimit === null ? "" : String(data.seatLimit)],
            ...data.speakers.flatMap((p) => /** @type {Fields} */ ([
              ["speakerId", String(p.speakerId)],
              ["speakerRole", p.role],
            ])),
            ...(s.status !== "draft" && data.cancelled ? /** @type {Fields} */ ([["cancelled", "on"]]) : []),
          ],
        };
      })
      .filter((s) => s.roomId !== null);
    return { speakers, quotes, sessions };
  } finally {
    db.close();
  }
}

/**
 * One save of a console form as the browser sends it: `form` is a speaker, quote or session from
 * consoleForms, `value` the new biography, translation or abstract. The form's previous answer
 * (its useActionState state) goes with it, as React sends it. Answers the request's outcome and,
 * when the save was accepted, the new state.
 * @param {object} save
 * @param {string} save.base
 * @param {import("node:http").Agent} save.agent
 * @param {string} save.cookie
 * @param {string} save.locale
 * @param {ReturnType<typeof actionIds>} save.ids
 * @param {"speaker" | "quote" | "agenda"} save.kind
 * @param {{ id: number, fields: (value: string, revision: number) => Fields }} save.form
 * @param {string} save.value
 * @param {FormState} save.state
 * @returns {Promise<{ answer: import("./http-client.mjs").Answer, problem?: string, state?: FormState }>}
 */
export async function saveForm({ base, agent, cookie, locale, ids, kind, form, value, state }) {
  let pagePath;
  let tree;
  /** @type {Fields} */
  let fields;
  if (kind === "agenda") {
    pagePath = `/${locale}/admin/agenda`;
    tree = routerStateTree([["locale", locale], "admin", "agenda"]);
    fields = form.fields(value, Number(state.revision));
  } else {
    const section = kind === "speaker" ? "speakers" : "quotes";
    pagePath = `/${locale}/admin/${section}/${form.id}`;
    tree = routerStateTree([["locale", locale], "admin", section, ["id", String(form.id)]]);
    // The revision is the agenda editor's alone: the speaker and quote forms have none.
    fields = [["locale", locale], ...form.fields(value, NaN)];
  }
  // As useActionState calls it: the previous state, then the form.
  const call = await actionBody([state, formData(fields)]);
  const answer = await request(base, agent, {
    method: "POST",
    path: pagePath,
    headers: actionHeaders({
      base,
      pagePath,
      actionId: ids[kind],
      stateTree: tree,
      contentType: call.headers["content-type"],
      cookie,
    }),
    body: call.body,
  });
  if (answer.status !== 200) return { answer };
  /** @type {FormState | undefined} */
  let result;
  try {
    result = /** @type {FormState | undefined} */ (actionResult(text(answer)));
  } catch (error) {
    return { answer, problem: `unreadable action answer (${error instanceof Error ? error.message : error})` };
  }
  const accepted = kind === "agenda" ? result?.ok === true : result?.saved === true;
  if (!result || !accepted) return { answer, problem: `not saved: ${JSON.stringify(result).slice(0, 160)}` };
  // The agenda form keeps the revision it got back, as session-form.tsx does.
  return { answer, state: kind === "agenda" ? { ...result, revision: result.revision } : result };
}
