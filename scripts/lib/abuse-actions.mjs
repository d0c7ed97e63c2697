// @ts-check
// The abuse cases of each Server Action, keyed "file#exportedName" as the build's
// server-reference-manifest.json names them. An action without an entry here stops the run.
//
// Two kinds of case:
// - transport: another site, no or a forged session, the wrong role, 10 MB, broken multipart,
//   broken UTF-8, deep JSON, too many or wrong arguments, an unknown action: a 4xx;
// - field: a well-formed call from our own page with garbage in the fields. The form answers with
//   its error state (HTTP 200, the useActionState UX), which is what these must get.
import { randomBytes } from "node:crypto";
import { CROSS_SITE, NULL_ORIGIN, sessionCases } from "./abuse-common.mjs";
import { BROKEN_UTF8, SCRIPT, SQL, TEN_MB, deepJson, randomToken } from "./abuse-payloads.mjs";
import { multipart } from "./http-client.mjs";
import { actionBody, actionParts, formData } from "./next-client.mjs";

/** @typedef {import("./abuse-common.mjs").AbuseContext} AbuseContext */
/** @typedef {import("./abuse-common.mjs").AbuseRequest} AbuseRequest */
/** @typedef {import("./abuse-common.mjs").AbuseCase} AbuseCase */

/**
 * An argument the page binds before the form's own (`action.bind(null, token)`).
 * @typedef {object} BoundArgument
 * @property {string} name
 * @property {unknown} value
 * @property {boolean} [forgeable] whether the cases forge it (tokens, ids)
 * @property {Array<[string, unknown]>} [forged] forgeries of its own, else the token forgeries
 */

/**
 * @typedef {object} ActionSpec
 * @property {keyof typeof ROLES} role who may call it
 * @property {string} [cookieRole] whose session to send when the role is public
 * @property {BoundArgument[]} [bound]
 * @property {boolean} [state] whether prevState comes first (useActionState)
 * @property {boolean} [form] whether the last argument is a FormData
 * @property {boolean} [json] whether the last argument is one JSON value
 * @property {() => Record<string, unknown>} [valid] an input it would accept
 * @property {Record<string, unknown>} [spoiler] one change that makes `valid` invalid
 * @property {string[]} [strings] its free-text fields
 * @property {Record<string, unknown[]>} [garbage] wrong values per field
 */

/**
 * Who may call what: the role with the permission, and one without it.
 * @type {Record<string, [string | null, string | null]>}
 */
const ROLES = {
  agenda: ["organizer", "staff"],
  attendees: ["organizer", "staff"],
  quotes: ["organizer", "staff"],
  speakers: ["organizer", "staff"],
  users: ["admin", "organizer"],
  editions: ["admin", "organizer"],
  self: ["staff", null],
  // The speaker portal: the speaker's cookie, and a console session (an organizer's) that is not one.
  speaker: ["speaker", "organizer"],
  public: [null, null],
};

/**
 * @param {AbuseContext} ctx
 * @returns {BoundArgument}
 */
const token = (ctx) => ({ name: "token", value: ctx.attendee.manageToken, forgeable: true });
const locale = { name: "locale", value: "en" };
/** @param {AbuseContext} ctx */
const person = (ctx) => ({
  fullName: "Abuse Case",
  email: ctx.uniqueEmail(),
  organisation: "Abuse Ltd",
  jobTitle: "Tester",
  category: "industry",
  days: "2024-07-11",
});
const PERSON_STRINGS = ["fullName", "email", "organisation", "jobTitle", "phone", "dietary", "accessibility"];
const PERSON_GARBAGE = {
  email: ["not-an-email", "a@b@c", `${"x".repeat(300)}@example.org`],
  category: ["vip", "", SQL[0]],
  days: ["2024-07-14", "../../etc/passwd", ""],
  phone: ["+86 abc", "1".repeat(40)],
};

/**
 * Each action: its permission, the arguments before its form (bound by the page), whether a
 * prevState comes first, whether the last argument is a FormData or one JSON value, a valid
 * input, a spoiler (one change that makes it invalid), its free-text fields and per-field garbage.
 * @param {AbuseContext} ctx
 * @returns {Record<string, ActionSpec>}
 */
export function actionSpecs(ctx) {
  const speaker = String(ctx.speakerId);
  const quote = {
    locale: "en",
    speakerId: speaker,
    kind: "direct",
    language: "en",
    text: "“An abuse test quote.”",
    sourceMode: "existing",
    sourceId: String(ctx.sourceId),
    topicIds: String(ctx.topicId),
  };
  const session = { type: "talk", titleEn: "Abuse", titleZh: "测试", abstractEn: "", abstractZh: "", roomId: String(ctx.roomId), day: "2024-07-11", start: "09:00", end: "09:15", trackId: "", seatLimit: "", cancelled: "" };
  const placement = { sessionId: ctx.sessionId, revision: ctx.sessionRevision, roomId: ctx.roomId, day: "2024-07-11", start: "09:00", end: "09:15" };
  return {
    "app/[locale]/sign-in/actions.ts#signInAction": {
      role: "public",
      state: true,
      form: true,
      valid: () => ({ locale: "en", email: ctx.users.staff.email, password: ctx.password }),
      spoiler: { password: "not the password at all" },
      strings: ["email", "password", "next"],
      // Garbage in `next` would only show once signed in, which changes data (last sign-in).
      garbage: { locale: ["fr", SQL[0]] },
    },
    "app/[locale]/sign-out-action.ts#signOutAction": {
      role: "public",
      form: true,
      // Signing out is what any form post from our page may do; only transport abuse is refused.
      cookieRole: "staff",
      valid: () => ({ locale: "en" }),
    },
    "app/[locale]/admin/account/actions.ts#changePasswordAction": {
      role: "self",
      state: true,
      form: true,
      valid: () => ({ locale: "en", current: ctx.password, next: "a brand new passphrase 2024", confirm: "a brand new passphrase 2024" }),
      spoiler: { current: "not the password at all" },
      strings: ["current", "next", "confirm"],
      garbage: { next: ["password", "short"], confirm: ["different"], locale: ["fr"] },
    },
    "app/[locale]/admin/agenda/actions.ts#saveSessionAction": {
      role: "agenda",
      state: true,
      form: true,
      valid: () => session,
      spoiler: { type: "nonsense" },
      strings: ["titleEn", "titleZh", "abstractEn", "abstractZh", "day", "start", "end"],
      garbage: {
        roomId: ["999999", "-1", "1.5", SQL[0]],
        day: ["2024-02-30", "2099-01-01"],
        start: ["25:00", "09:00; DROP"],
        end: ["08:00"],
        seatLimit: ["-5", "1e309"],
        sessionId: ["999999", "abc"],
        speakerId: ["999999", SQL[0]],
      },
    },
    "app/[locale]/admin/agenda/actions.ts#moveSessionAction": { role: "agenda", json: true, valid: () => placement, spoiler: { sessionId: 999999 } },
    "app/[locale]/admin/agenda/actions.ts#checkSessionAction": {
      role: "agenda",
      json: true,
      valid: () => ({ ...placement, seatLimit: "", speakers: [], cancelled: false }),
      // A valid check writes nothing and answers with the conflicts; only invalid input is sent.
      spoiler: { day: "not a day" },
    },
    "app/[locale]/admin/agenda/actions.ts#deleteSessionAction": {
      role: "agenda",
      state: true,
      form: true,
      valid: () => ({ sessionId: String(ctx.sessionId), revision: String(ctx.sessionRevision) }),
      spoiler: { sessionId: "999999" },
      strings: [],
      garbage: { sessionId: ["-1", "abc", SQL[0], "1e309"], revision: ["-1", "x"] },
    },
    "app/[locale]/admin/agenda/actions.ts#publishAction": { role: "agenda", state: true },
    "app/[locale]/admin/agenda/actions.ts#saveRoomAction": {
      role: "agenda",
      state: true,
      form: true,
      valid: () => ({ nameEn: "Abuse room", nameZh: "测试室", capacity: "100" }),
      spoiler: { nameEn: "" },
      strings: ["nameEn", "nameZh"],
      garbage: { capacity: ["-1", "1e309", "abc"], id: ["999999", "-1", SQL[0]] },
    },
    "app/[locale]/admin/agenda/actions.ts#saveTrackAction": {
      role: "agenda",
      state: true,
      form: true,
      valid: () => ({ nameEn: "Abuse track", nameZh: "测试", color: "#123456" }),
      spoiler: { color: "red" },
      strings: ["nameEn", "nameZh", "color"],
      garbage: { color: ["#12345g", "javascript:alert(1)"], id: ["999999", "-1"] },
    },
    "app/[locale]/admin/attendees/actions.ts#addAttendeeAction": {
      role: "attendees",
      bound: [locale],
      state: true,
      form: true,
      valid: () => person(ctx),
      spoiler: { email: "not-an-email" },
      strings: [...PERSON_STRINGS, "altName"],
      garbage: { ...PERSON_GARBAGE, attendeeLocale: ["fr"] },
    },
    "app/[locale]/admin/attendees/actions.ts#updateAttendeeAction": {
      role: "attendees",
      bound: [{ name: "id", value: ctx.attendee.id, forgeable: true, forged: [["an id that is text", "abc"], ["a negative id", -1], ["an object as the id", { id: 1 }], ["an id past 2^53", 2 ** 60]] }],
      state: true,
      form: true,
      valid: () => person(ctx),
      spoiler: { email: "not-an-email" },
      strings: [...PERSON_STRINGS, "altName"],
      garbage: PERSON_GARBAGE,
    },
    "app/[locale]/admin/attendees/actions.ts#cancelAttendeeAction": {
      role: "attendees",
      state: true,
      form: true,
      valid: () => ({ id: String(ctx.attendee.id) }),
      spoiler: { id: "0" },
      strings: [],
      garbage: { id: ["-1", "abc", "999999999", SQL[0], "1e309"] },
    },
    "app/[locale]/admin/attendees/actions.ts#promoteAttendeeAction": {
      role: "attendees",
      state: true,
      form: true,
      valid: () => ({ id: String(ctx.attendee.id), reason: "abuse test" }),
      spoiler: { reason: "" },
      strings: ["reason"],
      garbage: { id: ["-1", "abc", "999999999"], override: ["yes"] },
    },
    "app/[locale]/admin/attendees/actions.ts#resendAction": {
      role: "attendees",
      state: true,
      form: true,
      valid: () => ({ id: String(ctx.attendee.id) }),
      spoiler: { id: "999999999" },
      strings: [],
      garbage: { id: ["-1", "abc", SQL[0]] },
    },
    "app/[locale]/admin/quotes/actions.ts#createQuoteAction": {
      role: "quotes",
      state: true,
      form: true,
      valid: () => quote,
      spoiler: { speakerId: "abc" },
      strings: ["text", "translation", "sourcePublisher", "sourceTitle", "sourceUrl"],
      garbage: { speakerId: ["999999", "-1"], kind: ["rumour"], language: ["fr"], saidOn: ["2024-02-30"], sessionId: ["999999"], topicIds: ["999999", SQL[0]], sourceMode: ["magic"], sourceId: ["999999"], locale: ["fr"] },
    },
    "app/[locale]/admin/quotes/actions.ts#updateQuoteAction": {
      role: "quotes",
      state: true,
      form: true,
      valid: () => ({ ...quote, id: String(ctx.quoteId) }),
      spoiler: { speakerId: "abc" },
      strings: ["text", "translation", "sourcePublisher", "sourceTitle", "sourceUrl"],
      garbage: { id: ["999999", "-1", SQL[0]], kind: ["rumour"], topicIds: ["999999"] },
    },
    "app/[locale]/admin/quotes/actions.ts#deleteQuoteAction": {
      role: "quotes",
      state: true,
      form: true,
      valid: () => ({ id: String(ctx.quoteId), locale: "en" }),
      spoiler: { id: "999999" },
      strings: [],
      garbage: { id: ["-1", "abc", SQL[0], "1e309"], locale: ["fr"] },
    },
    "app/[locale]/admin/settings/actions.ts#saveSettingsAction": {
      role: "attendees",
      state: true,
      form: true,
      valid: () => ({ capacity: "250", opensAt: "", closesAt: "", startDate: "2024-07-11", endDate: "2024-07-13" }),
      spoiler: { capacity: "-1" },
      strings: ["opensAt", "closesAt", "startDate", "endDate"],
      garbage: { capacity: ["0.5", "1e309", "abc", "1000001"], startDate: ["2024-02-30"], endDate: ["2024-07-01"], opensAt: ["2024-07-11T25:00"], closesAt: ["yesterday"] },
    },
    "app/[locale]/admin/settings/actions.ts#saveModeAction": {
      role: "attendees",
      state: true,
      form: true,
      valid: () => ({ mode: "confirm", holdMinutes: "30" }),
      spoiler: { mode: "closed" },
      strings: [],
      garbage: { mode: ["closed", "", SQL[0]], holdMinutes: ["0", "-1", "1.5", "1e309", "abc", "10081"] },
    },
    "app/[locale]/admin/settings/actions.ts#createInvitationAction": {
      role: "attendees",
      state: true,
      form: true,
      valid: () => ({ label: "Abuse delegation", maxUses: "3" }),
      spoiler: { maxUses: "0" },
      strings: ["label"],
      garbage: { label: ["", "   "], maxUses: ["-1", "1001", "1.5", "1e309", "abc", SQL[0]] },
    },
    // A valid call would add an edition; every case here is refused before that, or by the form.
    "app/[locale]/admin/editions/actions.ts#createEditionAction": {
      role: "editions",
      state: true,
      form: true,
      valid: () => ({
        nameEn: "Abuse edition",
        nameZh: "滥用测试届次",
        slug: "abuse2030",
        path: "abuse2030",
        startDate: "2030-05-01",
        endDate: "2030-05-02",
        timeZone: "Europe/Berlin",
        venueEn: "Abuse venue",
        venueZh: "滥用测试场地",
        capacity: "100",
        opensAt: "",
        closesAt: "",
        mode: "open",
        copyFrom: "",
      }),
      spoiler: { timeZone: "Mars/Olympus_Mons" },
      strings: ["nameEn", "nameZh", "venueEn", "venueZh"],
      garbage: {
        slug: ["", "CAF 2030", "caf2024", SQL[0]],
        path: ["", "agenda", "2024", "../x"],
        startDate: ["2030-02-30", "yesterday"],
        endDate: ["2030-04-30", "2030-06-30"],
        timeZone: ["Mars/Olympus_Mons", "", SQL[0]],
        capacity: ["-1", "1.5", "abc", "1e309"],
        mode: ["closed"],
        copyFrom: ["999999", "abc"],
      },
    },
    // Plain choices of an edition by id: only transport abuse; a valid call names no edition.
    "app/[locale]/admin/editions/actions.ts#makeCurrentAction": { role: "editions", state: true, form: true, valid: () => ({ id: "999999" }) },
    // Announcements of an id that names none: every valid call is a "not found", writing and sending nothing.
    "app/[locale]/admin/announcements/actions.ts#saveAnnouncementAction": {
      role: "attendees",
      state: true,
      form: true,
      valid: () => ({
        id: "999999",
        locale: "en",
        subjectEn: "Abuse subject",
        subjectZh: "滥用测试",
        bodyEn: "Abuse body.",
        bodyZh: "滥用测试正文。",
        kind: "service",
        groups: "confirmed",
      }),
      spoiler: { subjectZh: "" },
      strings: ["subjectEn", "subjectZh", "bodyEn", "bodyZh"],
      garbage: {
        id: ["-1", "abc", SQL[0], "1e309"],
        kind: ["spam", ""],
        groups: ["admins", SQL[0]],
        days: ["2024-07-14", "../../etc/passwd"],
        categories: ["vip"],
        checkedIn: ["yes"],
        subjectEn: ["", "x".repeat(201)],
        locale: ["fr"],
      },
    },
    "app/[locale]/admin/announcements/actions.ts#countRecipientsAction": {
      role: "attendees",
      state: true,
      form: true,
      valid: () => ({ kind: "service", groups: "confirmed" }),
      spoiler: { groups: "admins" },
      strings: [],
      garbage: { kind: ["spam"], groups: ["", SQL[0]], days: ["2024-07-14", SQL[0]], categories: ["vip"], checkedIn: ["1"] },
    },
    "app/[locale]/admin/announcements/actions.ts#sendTestAction": {
      role: "attendees",
      state: true,
      form: true,
      valid: () => ({ id: "999999" }),
      spoiler: { id: "abc" },
      strings: [],
      garbage: { id: ["-1", "abc", SQL[0], "1e309", ""] },
    },
    "app/[locale]/admin/announcements/actions.ts#sendAnnouncementAction": {
      role: "attendees",
      state: true,
      form: true,
      valid: () => ({ id: "999999", confirm: "yes", locale: "en" }),
      spoiler: { confirm: "no" },
      strings: [],
      garbage: { id: ["-1", "abc", SQL[0], "1e309", ""], confirm: ["", "YES"], locale: ["fr"] },
    },
    "app/[locale]/admin/editions/actions.ts#archiveEditionAction": {
      role: "editions",
      state: true,
      form: true,
      valid: () => ({ id: "999999", archived: "true" }),
    },
    "app/[locale]/admin/editions/actions.ts#deleteEditionAction": { role: "editions", state: true, form: true, valid: () => ({ id: "999999" }) },
    "app/[locale]/admin/edition-actions.ts#switchEditionAction": { role: "self", form: true, valid: () => ({ edition: "999999", back: "/en/admin", locale: "en" }) },
    // A plain form action (no state): only transport abuse; a valid call names no invitation.
    "app/[locale]/admin/settings/actions.ts#revokeInvitationAction": { role: "attendees", form: true, valid: () => ({ id: "999999" }) },
    "app/[locale]/admin/attendees/actions.ts#decideAttendeeAction": {
      role: "attendees",
      state: true,
      form: true,
      valid: () => ({ id: String(ctx.attendee.id), decision: "approve" }),
      spoiler: { decision: "maybe" },
      strings: [],
      garbage: { id: ["-1", "abc", "999999999", SQL[0]], decision: ["maybe", "", SQL[0]] },
    },
    "app/[locale]/admin/speakers/actions.ts#createSpeakerAction": {
      role: "speakers",
      state: true,
      form: true,
      valid: () => ({ locale: "en", nameEn: "Abuse Speaker", listed: "on" }),
      spoiler: { nameEn: "" },
      strings: ["nameEn", "nameZh", "titleEn", "titleZh", "organisationEn", "organisationZh", "bioEn", "bioZh"],
      garbage: { locale: ["fr"] },
    },
    "app/[locale]/admin/speakers/actions.ts#updateSpeakerAction": {
      role: "speakers",
      state: true,
      form: true,
      valid: () => ({ id: speaker, locale: "en", nameEn: "Abuse Speaker", listed: "on" }),
      spoiler: { nameEn: "" },
      strings: ["nameEn", "nameZh", "titleEn", "titleZh", "organisationEn", "organisationZh", "bioEn", "bioZh"],
      garbage: { id: ["999999", "-1", SQL[0]], locale: ["fr"] },
    },
    "app/[locale]/admin/speakers/actions.ts#deleteSpeakerAction": {
      role: "speakers",
      state: true,
      form: true,
      valid: () => ({ id: speaker, locale: "en" }),
      spoiler: { id: "999999" },
      strings: [],
      garbage: { id: ["-1", "abc", SQL[0], "1e309"], locale: ["fr"] },
    },
    "app/[locale]/admin/speakers/actions.ts#removeSpeakerPhotoAction": {
      role: "speakers",
      state: true,
      form: true,
      valid: () => ({ id: speaker, locale: "en" }),
      spoiler: { id: "999999" },
      strings: [],
      garbage: { id: ["-1", "abc", SQL[0]], locale: ["fr"] },
    },
    "app/[locale]/admin/speakers/portal-actions.ts#inviteSpeakerAction": {
      role: "speakers",
      state: true,
      form: true,
      valid: () => ({ id: speaker, email: ctx.uniqueEmail(), language: "en" }),
      spoiler: { email: "not-an-email" },
      strings: ["email"],
      garbage: { id: ["999999", "-1", SQL[0]], language: ["fr", "", SQL[0]], email: ["a@b@c", `${"x".repeat(300)}@example.org`] },
    },
    "app/[locale]/admin/speakers/portal-actions.ts#renewSpeakerLinkAction": {
      role: "speakers",
      state: true,
      form: true,
      valid: () => ({ id: speaker }),
      spoiler: { id: "999999" },
      strings: [],
      garbage: { id: ["-1", "abc", SQL[0], "1e309"] },
    },
    "app/[locale]/admin/speakers/portal-actions.ts#revokeSpeakerLinkAction": {
      role: "speakers",
      state: true,
      form: true,
      valid: () => ({ id: speaker }),
      spoiler: { id: "999999" },
      strings: [],
      garbage: { id: ["-1", "abc", SQL[0]] },
    },
    "app/[locale]/admin/speakers/portal-actions.ts#approveProfileAction": {
      role: "speakers",
      state: true,
      form: true,
      valid: () => ({ id: speaker, seen: "0" }),
      spoiler: { id: "999999" },
      strings: [],
      garbage: { id: ["-1", "abc", SQL[0]], seen: ["-1", "abc", SQL[0]] },
    },
    "app/[locale]/admin/speakers/portal-actions.ts#returnProfileAction": {
      role: "speakers",
      state: true,
      form: true,
      valid: () => ({ id: speaker, seen: "0", note: "Abuse note" }),
      spoiler: { note: "" },
      strings: ["note"],
      garbage: { id: ["-1", "abc", SQL[0]], seen: ["abc", SQL[0]] },
    },
    // The portal: whose profile it is comes from the cookie alone, never from a field.
    "app/[locale]/speaker/actions.ts#saveProfileAction": {
      role: "speaker",
      state: true,
      form: true,
      valid: () => ({ locale: "en", bioEn: "An abuse biography.", bioZh: "", organisationEn: "", organisationZh: "", websiteUrl: "", linkedinUrl: "", weiboUrl: "", wechatAccount: "" }),
      spoiler: { websiteUrl: "javascript:alert(1)" },
      strings: ["bioEn", "bioZh", "organisationEn", "organisationZh", "websiteUrl", "linkedinUrl", "weiboUrl", "wechatAccount"],
      garbage: {
        websiteUrl: ["data:text/html,<script>alert(1)</script>", "JaVaScRiPt:alert(1)", "http://localhost/", "https://user:pass@example.org/"],
        linkedinUrl: ["https://linkedin.com.evil.example/in/x", "https://example.org/in/x"],
        weiboUrl: ["https://weibo.com.evil.example/u/1"],
        wechatAccount: ["https://mp.weixin.qq.com/x"],
      },
    },
    "app/[locale]/speaker/actions.ts#leavePortalAction": { role: "speaker", form: true, valid: () => ({ locale: "en" }) },
    // Whose proposal it is comes from the cookie; a session the speaker is not on answers "not found".
    "app/[locale]/speaker/materials-actions.ts#proposeMaterialsAction": {
      role: "speaker",
      state: true,
      form: true,
      valid: () => ({ sessionId: String(ctx.sessionId), recordingUrl: "https://www.youtube.com/watch?v=dQw4w9WgXcQ", slidesConsent: "on", recordingConsent: "on" }),
      spoiler: { recordingUrl: "javascript:alert(1)" },
      strings: ["recordingUrl"],
      garbage: {
        sessionId: [String(ctx.foreignSessionId), "999999", "-1", "abc", SQL[0], "1e309"],
        recordingUrl: ["data:text/html,<script>alert(1)</script>", "JaVaScRiPt:alert(1)", "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ", "http://localhost/", "https://user:pass@www.youtube.com/watch?v=dQw4w9WgXcQ"],
      },
    },
    // The console's materials of a session: a session of another edition, or none, answers "not found".
    "app/[locale]/admin/materials/actions.ts#saveRecordingLinkAction": {
      role: "agenda",
      state: true,
      form: true,
      valid: () => ({ sessionId: String(ctx.sessionId), recordingUrl: "https://www.youtube.com/watch?v=dQw4w9WgXcQ", recordingLength: "" }),
      spoiler: { recordingUrl: "javascript:alert(1)" },
      strings: ["recordingUrl", "recordingLength"],
      garbage: {
        sessionId: ["999999", "-1", "abc", SQL[0]],
        recordingUrl: ["data:text/html,<script>alert(1)</script>", "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ", "http://localhost/"],
        recordingLength: ["-1", "abc", "99:99:99:99", "1e309"],
      },
    },
    "app/[locale]/admin/materials/actions.ts#saveRecordingLengthAction": {
      role: "agenda",
      state: true,
      form: true,
      valid: () => ({ sessionId: String(ctx.sessionId), recordingLength: "" }),
      spoiler: { recordingLength: "abc" },
      strings: ["recordingLength"],
      garbage: { sessionId: ["999999", "-1", "abc", SQL[0]], recordingLength: ["-1", "1e309", SQL[0]] },
    },
    "app/[locale]/admin/materials/actions.ts#saveConsentAction": {
      role: "agenda",
      state: true,
      form: true,
      valid: () => ({ sessionId: String(ctx.sessionId) }),
      spoiler: { sessionId: "999999" },
      strings: [],
      garbage: { sessionId: ["-1", "abc", SQL[0]], slidesPublished: ["yes", SQL[0]] },
    },
    "app/[locale]/admin/materials/actions.ts#removeSlidesAction": {
      role: "agenda",
      state: true,
      form: true,
      valid: () => ({ sessionId: String(ctx.sessionId) }),
      spoiler: { sessionId: "999999" },
      strings: [],
      garbage: { sessionId: ["-1", "abc", SQL[0]] },
    },
    "app/[locale]/admin/materials/actions.ts#removeRecordingAction": {
      role: "agenda",
      state: true,
      form: true,
      valid: () => ({ sessionId: String(ctx.sessionId) }),
      spoiler: { sessionId: "999999" },
      strings: [],
      garbage: { sessionId: ["-1", "abc", SQL[0]] },
    },
    // A speaker's proposal, decided on in the console: `seen` 0 is never a proposal's time.
    "app/[locale]/admin/materials/actions.ts#approveProposalAction": {
      role: "agenda",
      state: true,
      form: true,
      valid: () => ({ sessionId: String(ctx.sessionId), seen: "0" }),
      spoiler: { sessionId: "999999" },
      strings: [],
      garbage: { sessionId: ["-1", "abc", SQL[0]], seen: ["-1", "abc", SQL[0]] },
    },
    "app/[locale]/admin/materials/actions.ts#returnProposalAction": {
      role: "agenda",
      state: true,
      form: true,
      valid: () => ({ sessionId: String(ctx.sessionId), seen: "0", note: "Abuse note" }),
      spoiler: { note: "" },
      strings: ["note"],
      garbage: { sessionId: ["-1", "abc", SQL[0]], seen: ["abc", SQL[0]] },
    },
    "app/[locale]/admin/users/actions.ts#createUserAction": {
      role: "users",
      state: true,
      form: true,
      valid: () => ({ email: ctx.uniqueEmail(), name: "Abuse User", role: "staff" }),
      spoiler: { role: "root" },
      strings: ["email", "name"],
      garbage: { email: ["not-an-email", ctx.users.admin.email], role: ["superadmin", ""] },
    },
    "app/[locale]/admin/users/actions.ts#updateUserAction": {
      role: "users",
      state: true,
      form: true,
      valid: () => ({ id: String(ctx.users.staff.id), intent: "disable" }),
      spoiler: { intent: "explode" },
      strings: [],
      garbage: { id: ["-1", "abc", "999999", SQL[0]], intent: ["role"], role: ["root"] },
    },
    "app/[locale]/register/actions.ts#registerAction": {
      role: "public",
      bound: [locale],
      state: true,
      form: true,
      valid: () => ({ ...person(ctx), consent: "on" }),
      spoiler: { consent: "" },
      strings: PERSON_STRINGS,
      garbage: { ...PERSON_GARBAGE, consent: ["yes", "true"], invitationCode: ["hello", SQL[0], "INV-22222222"] },
    },
    "app/[locale]/ticket/[token]/actions.ts#updateAction": {
      role: "public",
      bound: [token(ctx)],
      state: true,
      form: true,
      valid: () => person(ctx),
      spoiler: { email: "not-an-email" },
      strings: PERSON_STRINGS,
      garbage: PERSON_GARBAGE,
    },
    "app/[locale]/ticket/[token]/actions.ts#cancelAction": { role: "public", bound: [token(ctx)] },
    "app/[locale]/ticket/[token]/actions.ts#eraseAction": { role: "public", bound: [token(ctx)], state: true },
    "app/[locale]/ticket/[token]/actions.ts#replaceLinkAction": { role: "public", bound: [token(ctx), locale], state: true },
    // The attendee is confirmed: a valid call answers "nothing to confirm" and changes nothing.
    "app/[locale]/ticket/[token]/actions.ts#confirmAction": { role: "public", bound: [token(ctx)], state: true },
    "app/[locale]/ticket/[token]/actions.ts#bookAction": {
      role: "public",
      bound: [token(ctx)],
      state: true,
      form: true,
      valid: () => ({ sessionId: String(ctx.seatLimitedSessionId) }),
      spoiler: { sessionId: "999999" },
      strings: [],
      garbage: { sessionId: ["-1", "abc", SQL[0], "1e309", "0"] },
    },
    // A rating for a session that does not exist: refused by the rules, nothing written.
    "app/[locale]/ticket/[token]/feedback/[session]/actions.ts#feedbackAction": {
      role: "public",
      bound: [token(ctx), { name: "sessionId", value: 999999, forgeable: true, forged: [["a session id that is text", "abc"], ["a negative session id", -1]] }],
      state: true,
      form: true,
      valid: () => ({ rating: "4", comment: "" }),
      spoiler: { rating: "9" },
      strings: ["comment"],
      garbage: { rating: ["0", "6", "abc", "4.5", SQL[0]] },
    },
    "app/[locale]/ticket/[token]/actions.ts#calendarFeedAction": { role: "public", bound: [token(ctx)], state: true, form: true, valid: () => ({}) },
    "app/[locale]/ticket/[token]/actions.ts#changeNoticesAction": {
      role: "public",
      bound: [token(ctx), { name: "receive", value: false }],
      form: true,
      valid: () => ({}),
    },
    // The stop link of a change notice: its token is of the manage token's shape, and forged the same ways.
    "app/[locale]/notices/[token]/actions.ts#stopNoticesAction": { role: "public", bound: [token(ctx), locale], form: true, valid: () => ({}) },
  };
}

/**
 * The page that hosts an action, with its dynamic segments filled in from the fixtures.
 * @param {string[]} workers
 * @param {AbuseContext} ctx
 */
export function hostPage(workers, ctx) {
  /** @type {Record<string, string>} */
  const values = { locale: "en", code: ctx.attendee.code, token: ctx.attendee.manageToken, session: String(ctx.sessionId) };
  /** @type {Record<string, number>} */
  const byFolder = { speakers: ctx.speakerId, quotes: ctx.quoteId, materials: ctx.sessionId };
  const pages = workers
    .filter((w) => w.startsWith("app/") && w.endsWith("/page"))
    .flatMap((worker) => {
      const segments = worker.slice(4, -5).split("/");
      const filled = segments.map((segment, i) => {
        const param = /^\[(.+)\]$/.exec(segment)?.[1];
        if (!param) return segment;
        return String(values[param] ?? (param === "id" ? byFolder[segments[i - 1] ?? ""] : undefined) ?? "");
      });
      return filled.includes("") ? [] : [{ worker, path: `/${filled.join("/")}`, params: segments.filter((s) => s.startsWith("[")).length }];
    })
    .sort((a, b) => a.params - b.params || a.path.length - b.path.length);
  const [page] = pages;
  if (!page) throw new Error(`No page to call the action from among ${workers.join(", ")}: teach hostPage its segments.`);
  return page.path;
}

/** @param {ActionSpec} spec */
function spoil(spec) {
  return { ...spec.valid?.(), ...(spec.spoiler ?? {}) };
}

/**
 * The argument list of a call: bound values, prevState, then the form or the JSON input.
 * @param {ActionSpec} spec
 * @param {unknown} input
 * @param {{ bound?: unknown[] }} [options]
 * @returns {unknown[]}
 */
function args(spec, input, { bound } = {}) {
  const out = (bound ?? (spec.bound ?? []).map((b) => b.value)).slice();
  if (spec.state) out.push({});
  if (spec.form) out.push(input instanceof FormData ? input : formData(/** @type {Record<string, unknown>} */ (input ?? {})));
  else if (spec.json) out.push(input);
  return out;
}

/**
 * Cases of one action.
 * @param {ActionSpec} spec
 * @param {{ id: string, key: string, page: string }} action
 * @param {AbuseContext} ctx
 * @returns {Promise<AbuseCase[]>}
 */
export async function actionCases(spec, action, ctx) {
  const [allowedRole, wrongRole] = ROLES[spec.role] ?? [null, null];
  const cookieRole = allowedRole ?? spec.cookieRole;
  const cookie = cookieRole ? ctx.cookies[cookieRole] : undefined;
  /** @type {AbuseRequest & { headers: Record<string, string> }} */
  const base = { method: "POST", path: action.page, cookie, headers: { "next-action": action.id, accept: "text/x-component", origin: ctx.url } };
  /**
   * A call as React encodes it.
   * @param {unknown[]} callArgs
   * @param {{ headers?: Record<string, string> }} [extra]
   * @returns {Promise<AbuseRequest>}
   */
  const call = async (callArgs, extra = {}) => {
    const body = await actionBody(callArgs);
    return { ...base, ...extra, headers: { ...base.headers, ...body.headers, ...extra.headers }, body: body.body };
  };
  /**
   * A body written by hand.
   * @param {string | Buffer} body
   * @param {Record<string, string>} headers
   * @returns {AbuseRequest}
   */
  const raw = (body, headers) => ({ ...base, headers: { ...base.headers, ...headers }, body });
  /** @type {AbuseCase[]} */
  const cases = [];
  /**
   * @param {string} name
   * @param {string} rule
   * @param {AbuseRequest} request
   * @param {import("./abuse-common.mjs").Expectation} [expect]
   */
  const add = (name, rule, request, expect = "refused") => cases.push({ name, rule, request, expect });
  const spoiled = spec.valid ? spoil(spec) : {};
  const spoiledArgs = args(spec, spec.json ? spoiled : spoiled);

  // Transport: every one of these must be refused before the action runs.
  add("from another site's page (Origin: https://evil.example, Sec-Fetch-Site: cross-site)", "cross-site", await call(spoiledArgs, { headers: CROSS_SITE }));
  add("from a sandboxed frame (Origin: null)", "cross-site", await call(spoiledArgs, { headers: NULL_ORIGIN }));
  if (allowedRole && spec.role !== "public") {
    for (const c of sessionCases(ctx, await call(spoiledArgs), wrongRole)) cases.push(c);
  }
  if (spec.form) {
    add("a 10 MB form field", "10 MB body", await call(args(spec, { ...spoiled, pad: "x".repeat(TEN_MB) })));
  } else {
    add("a 10 MB extra argument", "10 MB body", await call([...spoiledArgs, "x".repeat(TEN_MB)]));
  }
  const parts = await actionParts(spoiledArgs);
  add("a multipart body cut short", "broken multipart", { ...base, ...withHeaders(base, multipart(parts, { truncate: true })) });
  add("a multipart body without its boundary", "broken multipart", raw(Buffer.from("--x\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[]"), { "content-type": "multipart/form-data; boundary=" }));
  const stringField = (spec.strings ?? [])[0];
  if (spec.form && stringField) {
    const bytes = Buffer.concat([Buffer.from("Abuse "), BROKEN_UTF8]);
    const valid = await actionParts(args(spec, spec.valid?.()));
    add(`bytes that are not UTF-8 in ${stringField}`, "broken UTF-8", { ...base, ...withHeaders(base, multipart(valid.map(([n, v]) => (n.endsWith(`_${stringField}`) ? [n, bytes] : [n, v])))) });
  }
  add("bytes that are not UTF-8 in the arguments", "broken UTF-8", raw(Buffer.concat([Buffer.from('["'), BROKEN_UTF8, Buffer.from('"]')]), { "content-type": "text/plain;charset=UTF-8" }));
  add("arguments nested 100,000 lists deep", "deep JSON", raw(`[${deepJson(100_000)}]`, { "content-type": "text/plain;charset=UTF-8" }));
  add("1,001 arguments", "too many arguments", raw(JSON.stringify(Array.from({ length: 1001 }, () => null)), { "content-type": "text/plain;charset=UTF-8" }));
  add("arguments that are not JSON", "not JSON", raw("[{", { "content-type": "text/plain;charset=UTF-8" }));
  add("a JSON string instead of the argument list", "wrong argument", raw('"x"', { "content-type": "text/plain;charset=UTF-8" }));
  // React's reply format refers to other parts of the body by "$<tag><id>": point at parts not sent.
  for (const [label, ref] of [["a part", "$1"], ["a server function", "$F1"], ["a Map", "$Q1"], ["a Blob", "$B1"]]) {
    add(`an argument that refers to ${label} not sent (${ref})`, "broken reference", raw(JSON.stringify([ref]), { "content-type": "text/plain;charset=UTF-8" }));
  }
  add("an action id that is not in this build", "unknown action", await call(spoiledArgs, { headers: { "next-action": unknownId(action.id) } }));
  add("an action id that is not an id", "malformed action id", await call(spoiledArgs, { headers: { "next-action": "../../../etc/passwd" } }));
  add("a URL-encoded body", "wrong content type", raw("0=%5B%5D", { "content-type": "application/x-www-form-urlencoded" }));

  // Arguments of the wrong kind: only our own pages call these, so any other shape was crafted.
  if (spec.form) {
    const bound = (spec.bound ?? []).map((b) => b.value);
    const valid = spec.valid?.() ?? {};
    const prefix = [...bound, ...(spec.state ? [{}] : [])];
    add("a string where the form goes", "wrong argument", await call([...prefix, "id=1"]));
    add("a list of [name, value] pairs where the form goes", "wrong argument", await call([...prefix, Object.entries(valid)]));
    add("an object where the form goes", "wrong argument", await call([...prefix, valid]));
    add("no form at all", "wrong argument", await call(prefix));
    if (spec.state || spec.bound?.length) {
      // A no-JavaScript post naming the action alone: the action gets the form as its first argument.
      const mpa = formData(valid);
      mpa.append(`$ACTION_ID_${action.id}`, "");
      const body = multipart([...mpa.entries()].map(([name, value]) => [name, String(value)]));
      add("a no-JavaScript form post of the action alone ($ACTION_ID_)", "wrong argument", {
        ...base,
        headers: { accept: "text/html", origin: ctx.url, ...body.headers },
        body: body.body,
      });
    }
  }
  for (const [i, b] of (spec.bound ?? []).entries()) {
    if (!b.forgeable) continue;
    const forged = b.forged ?? [
      ["a random manage token", randomToken()],
      [`SQL as the manage token`, SQL[0]],
      ["a token of the wrong length", randomToken(31)],
      ["an object as the token", { token: ctx.attendee.manageToken }],
      ["a number as the token", 42],
    ];
    for (const [label, value] of forged) {
      const bound = (spec.bound ?? []).map((x, j) => (j === i ? value : x.value));
      add(label, b.name === "token" ? "forged token" : "wrong argument", await call(args(spec, spec.valid ? spec.valid() : undefined, { bound })));
    }
  }

  // Field garbage in a well-formed call from our own page: the form's error state.
  const valid = spec.valid;
  if (valid && spec.spoiler) {
    const strings = spec.strings ?? [];
    /**
     * @param {string} name
     * @param {unknown} input
     * @param {string} rule
     */
    const field = async (name, input, rule) => add(name, rule, await call(args(spec, input)), "form");
    if (spec.json) {
      for (const [label, value] of [["a string", "x"], ["a number", 42], ["null", null], ["a list", [spoiled]], ["an empty object", {}]]) {
        await field(`${label} as the input`, value, "wrong type");
      }
      for (const key of Object.keys(valid())) {
        await field(`${key} as a list`, { ...spoiled, [key]: [valid()[key]] }, "wrong type");
        await field(`${key} as SQL`, { ...spoiled, [key]: SQL[0] }, "SQL");
        await field(`${key} as a script`, { ...spoiled, [key]: SCRIPT[0] }, "script");
        const { [key]: _dropped, ...rest } = spoiled;
        await field(`${key} missing`, rest, "missing field");
      }
      await field("unknown extra fields and __proto__", Object.assign(JSON.parse('{"__proto__":{"polluted":1}}'), spoiled, { isAdmin: true }), "extra field");
    } else {
      await field("no fields at all", {}, "missing field");
      await field("the spoiled form with unknown extra fields", { ...spoiled, isAdmin: "on", capacityOverride: "1", constructor: "x", __proto__x: "x", ...spec.spoiler }, "extra field");
      if (strings.length) {
        const files = { ...spoiled };
        for (const s of strings) files[s] = new File(["x"], "x.txt");
        await field("every text field as a file", files, "wrong type");
        for (const [rule, payloads] of /** @type {Array<[string, readonly string[]]>} */ ([["SQL", SQL], ["script", SCRIPT]])) {
          for (const payload of payloads) {
            const input = { ...spoiled };
            for (const s of strings) input[s] = payload;
            Object.assign(input, spec.spoiler);
            await field(`${rule} in every text field: ${payload}`, input, rule);
          }
        }
        const long = { ...spoiled };
        for (const s of strings) long[s] = "x".repeat(Math.floor(600_000 / strings.length));
        await field("every text field far over its limit", long, "overlong");
        const control = { ...spoiled };
        for (const s of strings) control[s] = "a\u0000b\u0007\u001b[31m";
        Object.assign(control, spec.spoiler);
        await field("NUL and control characters in every text field", control, "wrong type");
      }
      for (const [name, values] of Object.entries(spec.garbage ?? {})) {
        for (const value of values) {
          await field(`${name} = ${JSON.stringify(String(value).slice(0, 40))}`, { ...valid(), [name]: value }, "wrong type");
        }
      }
    }
  }
  return cases;
}

/**
 * @param {AbuseRequest} base
 * @param {{ headers: Record<string, string>, body: string | Buffer }} body
 */
function withHeaders(base, body) {
  return { headers: { ...base.headers, ...body.headers }, body: body.body };
}

/**
 * A well-formed id that is not this one: the same kind of action, another hash.
 * @param {string} id
 */
function unknownId(id) {
  return id.slice(0, 2) + randomBytes((id.length - 2) / 2).toString("hex");
}
