import { relations, sql } from "drizzle-orm";
import { announcementKinds } from "../lib/announcements/audience";
import { userRoles } from "../lib/auth/roles";
import { checkInMethods } from "../lib/checkin/methods";
import { emailKinds, type EmailAttachment } from "../lib/email/kinds";
import { quoteKinds, quoteLanguages } from "../lib/quote-kinds";
import { attendeeCategories } from "../lib/registration/categories";
import { pendingReasons, registrationModes } from "../lib/registration/mode";
import { registrationStatuses, sessionBookingStatuses } from "../lib/registration/statuses";
import { sessionStatuses, sessionTypes, speakerRoles } from "../lib/sessions/kinds";
import {
  type AnySQLiteColumn,
  index,
  integer,
  check,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

const updatedAt = () =>
  integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

/**
 * An edition of the forum (the 2024 forum, the 2025 forum …). Everything held on one edition refers
 * to its row: rooms, tracks, sessions, registrations, invitations, quotes, key figures, schedule
 * versions and, where it concerns one, the audit log.
 */
export const events = sqliteTable(
  "events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The acronym of interchange formats and feeds: "caf2024". */
    slug: text("slug").notNull().unique(),
    /** The edition's segment in public addresses: "2024" in /en/2024/agenda. */
    path: text("path").notNull().unique(),
    /** The edition the unprefixed addresses and feeds show; exactly one once any exists. */
    isCurrent: integer("is_current", { mode: "boolean" }).notNull().default(false),
    nameEn: text("name_en").notNull(),
    nameZh: text("name_zh").notNull(),
    venueEn: text("venue_en").notNull(),
    venueZh: text("venue_zh").notNull(),
    /** IANA zone in which every time of the event is shown. */
    timeZone: text("time_zone").notNull(),
    /** First and last day as calendar dates in the event's zone (YYYY-MM-DD). */
    startDate: text("start_date").notNull(),
    endDate: text("end_date").notNull(),
    expectedAttendees: integer("expected_attendees"),
    /** Seats for the forum, set in the console; null falls back to FORUM_CAPACITY. */
    capacity: integer("capacity"),
    /** Registration is open between these instants; null means no bound on that side. */
    registrationOpensAt: integer("registration_opens_at", { mode: "timestamp_ms" }),
    registrationClosesAt: integer("registration_closes_at", { mode: "timestamp_ms" }),
    /** open, confirm or approval, chosen in the console; null falls back to REGISTRATION_MODE. */
    registrationMode: text("registration_mode", { enum: registrationModes }),
    /** How long an unconfirmed registration holds its seat; null is 30 minutes. */
    holdMinutes: integer("hold_minutes"),
    /** The home page's line under the name, in each language; null shows none. */
    introEn: text("intro_en"),
    introZh: text("intro_zh"),
    /**
     * Set when organizers close an edition for good: its console pages are read-only and it can
     * never be the current one. Cleared to reopen it.
     */
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("events_current_idx")
      .on(t.isCurrent)
      .where(sql`${t.isCurrent} = 1`),
  ],
);

export const rooms = sqliteTable(
  "rooms",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id),
    /** Unique within its edition: a copied edition keeps the slugs. */
    slug: text("slug").notNull(),
    nameEn: text("name_en").notNull(),
    nameZh: text("name_zh").notNull(),
    capacity: integer("capacity"),
    position: integer("position").notNull().default(0),
  },
  (t) => [uniqueIndex("rooms_event_slug_idx").on(t.eventId, t.slug)],
);

export const tracks = sqliteTable(
  "tracks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id),
    /** Unique within its edition: a copied edition keeps the slugs. */
    slug: text("slug").notNull(),
    nameEn: text("name_en").notNull(),
    nameZh: text("name_zh").notNull(),
    /** A CSS colour (#rrggbb) used as the track's marker. */
    color: text("color").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [uniqueIndex("tracks_event_slug_idx").on(t.eventId, t.slug)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id),
    /** Unique within its edition: a copied edition keeps the slugs. */
    slug: text("slug").notNull(),
    type: text("type", { enum: sessionTypes }).notNull(),
    status: text("status", { enum: sessionStatuses }).notNull().default("draft"),
    startsAt: integer("starts_at", { mode: "timestamp_ms" }).notNull(),
    endsAt: integer("ends_at", { mode: "timestamp_ms" }).notNull(),
    roomId: integer("room_id").references(() => rooms.id),
    trackId: integer("track_id").references(() => tracks.id),
    titleEn: text("title_en").notNull(),
    titleZh: text("title_zh").notNull(),
    abstractEn: text("abstract_en").notNull().default(""),
    abstractZh: text("abstract_zh").notNull().default(""),
    seatLimit: integer("seat_limit"),
    /** Rises with every change: calendar SEQUENCE, and stale-edit detection. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("sessions_event_slug_idx").on(t.eventId, t.slug),
    index("sessions_event_starts_at_idx").on(t.eventId, t.startsAt),
    index("sessions_starts_at_idx").on(t.startsAt),
    index("sessions_room_idx").on(t.roomId, t.startsAt),
  ],
);

export const speakers = sqliteTable("speakers", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  nameEn: text("name_en").notNull(),
  /** Only where a source gives the Chinese form; the pinyin stands in otherwise. */
  nameZh: text("name_zh"),
  titleEn: text("title_en").notNull().default(""),
  titleZh: text("title_zh").notNull().default(""),
  organisationEn: text("organisation_en").notNull().default(""),
  organisationZh: text("organisation_zh").notNull().default(""),
  bioEn: text("bio_en").notNull().default(""),
  bioZh: text("bio_zh").notNull().default(""),
  /** File name of the photo under UPLOADS_DIR/speakers (`<id>-<hash>.webp`); served resized. */
  photoPath: text("photo_path"),
  /**
   * Shown on the public site. A speaker the console has just created stays private until an
   * organizer lists them; someone on the public program is shown either way.
   */
  listed: integer("listed", { mode: "boolean" }).notNull().default(true),
  /**
   * The source that names this person: set for a real person (the article's people). Such a
   * person is shown with what the source reports and is never linked to a session of the program.
   */
  sourceId: integer("source_id").references((): AnySQLiteColumn => sources.id),
  /** Public links, shown on the speaker's page once an organizer approved them (lib/speakers/links.ts). */
  websiteUrl: text("website_url"),
  linkedinUrl: text("linkedin_url"),
  weiboUrl: text("weibo_url"),
  /** The name of a WeChat official account: WeChat has no public web address for one. */
  wechatAccount: text("wechat_account"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const sessionSpeakers = sqliteTable(
  "session_speakers",
  {
    sessionId: integer("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    speakerId: integer("speaker_id")
      .notNull()
      .references(() => speakers.id, { onDelete: "cascade" }),
    role: text("role", { enum: speakerRoles }).notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.speakerId] }),
    index("session_speakers_speaker_idx").on(t.speakerId),
  ],
);

export const sources = sqliteTable("sources", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** Null where the source itself does not name its publisher. */
  publisher: text("publisher"),
  title: text("title").notNull(),
  publishedOn: text("published_on").notNull(),
  url: text("url"),
});

export const topics = sqliteTable("topics", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  nameEn: text("name_en").notNull(),
  nameZh: text("name_zh").notNull(),
});

export const quotes = sqliteTable(
  "quotes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The edition the words belong to: the archive's edition filter. */
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id),
    speakerId: integer("speaker_id")
      .notNull()
      .references(() => speakers.id),
    sessionId: integer("session_id").references((): AnySQLiteColumn => sessions.id),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id),
    kind: text("kind", { enum: quoteKinds }).notNull(),
    /** The words as the source gives them, in the source's language. */
    text: text("text").notNull(),
    language: text("language", { enum: quoteLanguages }).notNull(),
    /** A translation into the other language, marked as such wherever it is shown. */
    translation: text("translation"),
    /** The day the words were said, YYYY-MM-DD, where known. */
    saidOn: text("said_on"),
    /** Seconds into its session's recording where the words are said; only with a session. */
    recordingOffset: integer("recording_offset"),
    createdAt: createdAt(),
  },
  (t) => [index("quotes_speaker_idx").on(t.speakerId), index("quotes_event_idx").on(t.eventId)],
);

/**
 * What a session produced: its slides and its recording, each shown on the public session page
 * only with the speaker's consent to publish it. Files live under UPLOADS_DIR/materials, named by
 * the hash of their content (lib/materials/files.ts); a recording is a link to an allowed video
 * host (lib/materials/recording.ts) or a file an organizer uploaded, never both.
 */
export const sessionMaterials = sqliteTable("session_materials", {
  sessionId: integer("session_id")
    .primaryKey()
    .references(() => sessions.id, { onDelete: "cascade" }),
  eventId: integer("event_id")
    .notNull()
    .references(() => events.id),
  /** `<hash>.pdf` */
  slidesFile: text("slides_file"),
  slidesBytes: integer("slides_bytes"),
  slidesPages: integer("slides_pages"),
  /** `<hash>.webp`: the first page, rendered on upload. */
  slidesPreview: text("slides_preview"),
  slidesPublished: integer("slides_published", { mode: "boolean" }).notNull().default(false),
  /** A page on an allowed video host, as the organizer gave it (normalised). */
  recordingUrl: text("recording_url"),
  /** `<hash>.mp4` or `<hash>.webm` */
  recordingFile: text("recording_file"),
  recordingBytes: integer("recording_bytes"),
  /** The recording's length in seconds where known: a quote's moment must fall within it. */
  recordingSeconds: integer("recording_seconds"),
  recordingPublished: integer("recording_published", { mode: "boolean" }).notNull().default(false),
  updatedAt: updatedAt(),
});

export type SessionMaterials = typeof sessionMaterials.$inferSelect;

export const quoteTopics = sqliteTable(
  "quote_topics",
  {
    quoteId: integer("quote_id")
      .notNull()
      .references(() => quotes.id, { onDelete: "cascade" }),
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.quoteId, t.topicId] })],
);

export const keyFigures = sqliteTable(
  "key_figures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id),
    slug: text("slug").notNull(),
    value: text("value").notNull(),
    /** The value as Chinese readers count it (万, 亿), where the scale differs. */
    valueZh: text("value_zh"),
    unitEn: text("unit_en").notNull().default(""),
    unitZh: text("unit_zh").notNull().default(""),
    labelEn: text("label_en").notNull(),
    labelZh: text("label_zh").notNull(),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id),
    position: integer("position").notNull().default(0),
  },
  (t) => [uniqueIndex("key_figures_event_slug_idx").on(t.eventId, t.slug)],
);

export const eventsRelations = relations(events, ({ many }) => ({
  rooms: many(rooms),
  tracks: many(tracks),
  sessions: many(sessions),
}));

export const roomsRelations = relations(rooms, ({ one, many }) => ({
  event: one(events, { fields: [rooms.eventId], references: [events.id] }),
  sessions: many(sessions),
}));

export const tracksRelations = relations(tracks, ({ one, many }) => ({
  event: one(events, { fields: [tracks.eventId], references: [events.id] }),
  sessions: many(sessions),
}));

export const sessionsRelations = relations(sessions, ({ one, many }) => ({
  event: one(events, { fields: [sessions.eventId], references: [events.id] }),
  room: one(rooms, { fields: [sessions.roomId], references: [rooms.id] }),
  track: one(tracks, { fields: [sessions.trackId], references: [tracks.id] }),
  speakers: many(sessionSpeakers),
  quotes: many(quotes),
  materials: one(sessionMaterials, { fields: [sessions.id], references: [sessionMaterials.sessionId] }),
}));

export const speakersRelations = relations(speakers, ({ one, many }) => ({
  sessions: many(sessionSpeakers),
  quotes: many(quotes),
  source: one(sources, { fields: [speakers.sourceId], references: [sources.id] }),
}));

export const sessionSpeakersRelations = relations(sessionSpeakers, ({ one }) => ({
  session: one(sessions, { fields: [sessionSpeakers.sessionId], references: [sessions.id] }),
  speaker: one(speakers, { fields: [sessionSpeakers.speakerId], references: [speakers.id] }),
}));

export const sourcesRelations = relations(sources, ({ many }) => ({
  quotes: many(quotes),
  keyFigures: many(keyFigures),
}));

export const topicsRelations = relations(topics, ({ many }) => ({
  quotes: many(quoteTopics),
}));

export const quotesRelations = relations(quotes, ({ one, many }) => ({
  speaker: one(speakers, { fields: [quotes.speakerId], references: [speakers.id] }),
  session: one(sessions, { fields: [quotes.sessionId], references: [sessions.id] }),
  source: one(sources, { fields: [quotes.sourceId], references: [sources.id] }),
  topics: many(quoteTopics),
}));

export const quoteTopicsRelations = relations(quoteTopics, ({ one }) => ({
  quote: one(quotes, { fields: [quoteTopics.quoteId], references: [quotes.id] }),
  topic: one(topics, { fields: [quoteTopics.topicId], references: [topics.id] }),
}));

export const keyFiguresRelations = relations(keyFigures, ({ one }) => ({
  source: one(sources, { fields: [keyFigures.sourceId], references: [sources.id] }),
}));

export type Event = typeof events.$inferSelect;
export type Room = typeof rooms.$inferSelect;
export type NewRoom = typeof rooms.$inferInsert;
export type Track = typeof tracks.$inferSelect;
export type NewTrack = typeof tracks.$inferInsert;
export type Session = typeof sessions.$inferSelect;
export type NewSession = typeof sessions.$inferInsert;
export type Speaker = typeof speakers.$inferSelect;
export type NewSpeaker = typeof speakers.$inferInsert;
export type SessionSpeaker = typeof sessionSpeakers.$inferSelect;
export type Source = typeof sources.$inferSelect;
export type Topic = typeof topics.$inferSelect;
export type Quote = typeof quotes.$inferSelect;
export type NewQuote = typeof quotes.$inferInsert;
export type KeyFigure = typeof keyFigures.$inferSelect;

export const registrations = sqliteTable(
  "registrations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The edition registered for: registering for the next one is a new registration. */
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id),
    /** Short code people read out at the door: "CAF-7K3M9Q". */
    code: text("code").notNull().unique(),
    /**
     * SHA-256 (hex) of the private manage link's token: the token itself is never stored. The
     * token is derived from MANAGE_SECRET and `manageTokenSeed` (lib/registration/secret-links.ts).
     */
    manageTokenHash: text("manage_token_hash").notNull().unique(),
    status: text("status", { enum: registrationStatuses }).notNull(),
    fullName: text("full_name").notNull(),
    email: text("email").notNull(),
    /** Trimmed and lower-cased: one registration per address and edition. Null once erased. */
    emailKey: text("email_key"),
    organisation: text("organisation").notNull(),
    jobTitle: text("job_title").notNull(),
    phone: text("phone"),
    category: text("category", { enum: attendeeCategories }).notNull(),
    /** JSON array of the forum days attended: ["2025-09-30", …]. */
    days: text("days", { mode: "json" }).$type<string[]>().notNull(),
    dietary: text("dietary").notNull().default(""),
    accessibility: text("accessibility").notNull().default(""),
    consentNews: integer("consent_news", { mode: "boolean" }).notNull().default(false),
    privacyConsentAt: integer("privacy_consent_at", { mode: "timestamp_ms" }).notNull(),
    locale: text("locale").notNull().default("en"),
    /** Order of the waiting list: set when the registration joins it. */
    waitlistedAt: integer("waitlisted_at", { mode: "timestamp_ms" }),
    confirmedAt: integer("confirmed_at", { mode: "timestamp_ms" }),
    cancelledAt: integer("cancelled_at", { mode: "timestamp_ms" }),
    erasedAt: integer("erased_at", { mode: "timestamp_ms" }),
    version: integer("version").notNull().default(1),
    /** SHA-256 (hex) of the personal calendar feed's token; replaced when the person revokes the old address. */
    calendarTokenHash: text("calendar_token_hash").unique(),
    /** The name in the other script (Chinese characters or pinyin), where known: badges show both. */
    altName: text("alt_name"),
    /** Confirmed beyond capacity by an admin (an invited guest). */
    capacityOverride: integer("capacity_override", { mode: "boolean" }).notNull().default(false),
    /** The console user who added this registration by hand; null for self-registration. */
    addedBy: integer("added_by"),
    /** Random seed of the manage token (with MANAGE_SECRET); null for a token made before hashing. */
    manageTokenSeed: text("manage_token_seed"),
    /** Random seed of the calendar feed token, the same way. */
    calendarTokenSeed: text("calendar_token_seed"),
    /** For a pending registration: what it waits for, the person's link or an organizer. */
    pendingFor: text("pending_for", { enum: pendingReasons }),
    /** An unconfirmed registration is cancelled at this instant unless its link is opened. */
    pendingUntil: integer("pending_until", { mode: "timestamp_ms" }),
    /** A pending registration that counts against capacity (a hold), as a confirmed one does. */
    holdsSeat: integer("holds_seat", { mode: "boolean" }).notNull().default(false),
    /** The invitation code this registration used; its uses are the registrations not cancelled. */
    invitationId: integer("invitation_id").references((): AnySQLiteColumn => invitations.id),
    /**
     * SHA-256 (hex) of the token of the link in every change notice that stops them, and its seed
     * (with MANAGE_SECRET): made with the first notice, the same link in every notice after it.
     */
    noticesTokenHash: text("notices_token_hash").unique(),
    noticesTokenSeed: text("notices_token_seed"),
    /** Set when the person stopped change notices (lib/notices); null while they receive them. */
    changeNoticesOffAt: integer("change_notices_off_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("registrations_event_email_idx").on(t.eventId, t.emailKey),
    index("registrations_event_status_idx").on(t.eventId, t.status, t.id),
    index("registrations_status_idx").on(t.status, t.id),
    index("registrations_pending_idx").on(t.status, t.pendingUntil),
    index("registrations_invitation_idx").on(t.invitationId, t.status),
    // The console's attendee list sorts by these; LIMIT then reads the first rows of an index.
    index("registrations_name_idx").on(t.fullName),
    index("registrations_organisation_idx").on(t.organisation),
    index("registrations_category_idx").on(t.category, t.id),
  ],
);

/** Sessions a registered person starred for their personal agenda. */
export const stars = sqliteTable(
  "stars",
  {
    registrationId: integer("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    sessionId: integer("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.sessionId] })],
);

export const sessionBookings = sqliteTable(
  "session_bookings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    registrationId: integer("registration_id")
      .notNull()
      .references(() => registrations.id),
    sessionId: integer("session_id")
      .notNull()
      .references(() => sessions.id),
    status: text("status", { enum: sessionBookingStatuses }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("session_bookings_unique_idx").on(t.registrationId, t.sessionId),
    index("session_bookings_session_idx").on(t.sessionId, t.status, t.id),
  ],
);

/** Every email is written here in the transaction that causes it, then sent (or only logged). */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    registrationId: integer("registration_id").references(() => registrations.id),
    kind: text("kind", { enum: emailKinds }).notNull(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    /** Files sent with the email (a change notice's calendar entries), as lib/email/outbox-worker.ts reads them. */
    attachments: text("attachments", { mode: "json" }).$type<EmailAttachment[]>(),
    /** pending: to send; sent: delivered to the SMTP server; stored: no SMTP server configured. */
    status: text("status", { enum: ["pending", "sent", "stored", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("outbox_status_idx").on(t.status, t.nextAttemptAt),
    index("outbox_registration_idx").on(t.registrationId, t.kind),
  ],
);

/** Who changed what, when, with the record before and after. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The edition the change concerns; null for what belongs to none (users, speakers, sources). */
    eventId: integer("event_id").references(() => events.id),
    /** "attendee:CAF-7K3M9Q", "user:3", "system" */
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: integer("entity_id"),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_entity_idx").on(t.entity, t.entityId),
    index("audit_created_idx").on(t.createdAt),
    index("audit_actor_idx").on(t.actor, t.createdAt),
    index("audit_event_idx").on(t.eventId, t.createdAt),
  ],
);

export const registrationsRelations = relations(registrations, ({ many }) => ({
  bookings: many(sessionBookings),
  emails: many(outbox),
}));

export const sessionBookingsRelations = relations(sessionBookings, ({ one }) => ({
  registration: one(registrations, {
    fields: [sessionBookings.registrationId],
    references: [registrations.id],
  }),
  session: one(sessions, { fields: [sessionBookings.sessionId], references: [sessions.id] }),
}));

export const outboxRelations = relations(outbox, ({ one }) => ({
  registration: one(registrations, {
    fields: [outbox.registrationId],
    references: [registrations.id],
  }),
}));

export type Registration = typeof registrations.$inferSelect;
export type NewRegistration = typeof registrations.$inferInsert;
export type SessionBooking = typeof sessionBookings.$inferSelect;
export type Star = typeof stars.$inferSelect;
export type OutboxEmail = typeof outbox.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** Lower-cased and trimmed. */
  email: text("email").notNull().unique(),
  name: text("name").notNull().default(""),
  role: text("role", { enum: userRoles }).notNull(),
  /** `scrypt$N$r$p$salt$hash`, base64url parts. */
  passwordHash: text("password_hash").notNull(),
  disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
  /** Rises when the password is reset or the user is disabled: older sign-ins stop working. */
  sessionVersion: integer("session_version").notNull().default(1),
  /** Set for a password someone else chose (a reset, a new user): the console asks for a new one. */
  mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
  lastSignInAt: integer("last_sign_in_at", { mode: "timestamp_ms" }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * Recent sign-in attempts per key, counted before the password is checked (lib/auth/throttle.ts):
 * per email and address ("pair:…"), per email ("email:…") and per client address ("ip:…").
 */
export const signInAttempts = sqliteTable(
  "sign_in_attempts",
  {
    key: text("key").primaryKey(),
    /** JSON list of the attempts' times (ms), oldest first: only as many as the rule needs. */
    attempts: text("attempts", { mode: "json" }).$type<number[]>().notNull(),
    lastAt: integer("last_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sign_in_attempts_last_at_idx").on(t.lastAt)],
);

/**
 * A console sign-in. Its id is in the session cookie; signing out deletes the row, so a copy of
 * the cookie stops working too. A restore of the database deletes them all.
 */
export const consoleSessions = sqliteTable(
  "console_sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("console_sessions_user_idx").on(t.userId),
    index("console_sessions_expires_at_idx").on(t.expiresAt),
  ],
);

/**
 * The organizers' working copy of a session that differs from what is public. `sessions` holds
 * the published schedule (status `draft` there means never published); publishing applies every
 * draft row to its session and deletes the drafts.
 */
export const sessionDrafts = sqliteTable("session_drafts", {
  sessionId: integer("session_id")
    .primaryKey()
    .references(() => sessions.id, { onDelete: "cascade" }),
  /** The whole editable state of the session: see `lib/agenda-editor/draft.ts`. */
  data: text("data", { mode: "json" }).notNull(),
  /** Continues the session's `version`: an edit names the revision it started from. */
  revision: integer("revision").notNull(),
  updatedBy: integer("updated_by").references(() => users.id),
  updatedAt: updatedAt(),
});

export const scheduleVersions = sqliteTable(
  "schedule_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id),
    /** 1, 2, 3 … within its edition. */
    number: integer("number").notNull(),
    publishedBy: integer("published_by").references(() => users.id),
    /** What changed against the version before, see `lib/agenda-editor/changelog.ts`. */
    changes: text("changes", { mode: "json" }).notNull(),
    publishedAt: integer("published_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [uniqueIndex("schedule_versions_event_number_idx").on(t.eventId, t.number)],
);

/**
 * One row per person notified of one publication (lib/notices): written in the publication's own
 * transaction and unique per version and person, so that no publication notifies anyone twice and
 * a crash loses none. The mail worker then writes each row's email into the outbox (outboxId,
 * renderedAt) in a transaction of its own, so that publishing does not wait for hundreds of emails.
 */
export const changeNotices = sqliteTable(
  "change_notices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id),
    scheduleVersionId: integer("schedule_version_id")
      .notNull()
      .references(() => scheduleVersions.id),
    registrationId: integer("registration_id")
      .notNull()
      .references(() => registrations.id),
    /** The email written for it; null until then, and for a person erased or opted out meanwhile. */
    outboxId: integer("outbox_id").references(() => outbox.id),
    /** The sessions of this person that the publication changed. */
    sessionIds: text("session_ids", { mode: "json" }).$type<number[]>().notNull(),
    /** When the worker dealt with it (wrote its email, or found no one to write to); null: still to do. */
    renderedAt: integer("rendered_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("change_notices_version_registration_idx").on(t.scheduleVersionId, t.registrationId),
    index("change_notices_registration_idx").on(t.registrationId),
    index("change_notices_pending_idx").on(t.renderedAt, t.id),
  ],
);

export type ChangeNotice = typeof changeNotices.$inferSelect;

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type SessionDraft = typeof sessionDrafts.$inferSelect;
export type ScheduleVersion = typeof scheduleVersions.$inferSelect;

/** One row per attendee and forum day: the unique index makes two parallel scans record one. */
export const checkIns = sqliteTable(
  "check_ins",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    registrationId: integer("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    /** The forum day, YYYY-MM-DD in the forum's zone. */
    day: text("day").notNull(),
    method: text("method", { enum: checkInMethods }).notNull(),
    checkedInBy: integer("checked_in_by").references(() => users.id),
    checkedInAt: integer("checked_in_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    uniqueIndex("check_ins_registration_day_idx").on(t.registrationId, t.day),
    index("check_ins_day_idx").on(t.day, t.checkedInAt),
  ],
);

export type CheckIn = typeof checkIns.$inferSelect;

/** A code that lets a set number of people register, for a delegation or a sponsor. */
export const invitations = sqliteTable("invitations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  eventId: integer("event_id")
    .notNull()
    .references(() => events.id),
  /** "INV-7K3M9Q2P", as the registrant types it. */
  code: text("code").notNull().unique(),
  label: text("label").notNull(),
  maxUses: integer("max_uses").notNull(),
  createdBy: integer("created_by").references(() => users.id),
  /** A revoked code registers no one more; the registrations it made stay. */
  revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  createdAt: createdAt(),
});

/**
 * One row per self-registration attempt, for the hourly limit per client address: a keyed hash of
 * the address's group (never the address), deleted once an hour old.
 */
export const registrationAttempts = sqliteTable(
  "registration_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    addressKey: text("address_key").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("registration_attempts_key_idx").on(t.addressKey, t.createdAt),
    index("registration_attempts_created_idx").on(t.createdAt),
  ],
);

export type Invitation = typeof invitations.$inferSelect;

/**
 * A speaker's private sign-in link to their portal. Only the SHA-256 of the token is kept; renewing
 * revokes the speaker's earlier links, so at most one works at a time. Speakers are people across
 * editions, so their links belong to no edition.
 */
export const speakerInvitations = sqliteTable(
  "speaker_invitations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    speakerId: integer("speaker_id")
      .notNull()
      .references(() => speakers.id, { onDelete: "cascade" }),
    /** Where the link was sent, and the language of the speaker's emails. */
    email: text("email").notNull(),
    locale: text("locale", { enum: ["en", "zh-CN"] }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("speaker_invitations_speaker_idx").on(t.speakerId, t.id)],
);

/**
 * What a speaker changed on their profile and an organizer has not yet approved: one per speaker,
 * never shown on the public site. Approving applies it to `speakers` and deletes it; sending it back
 * keeps it, with the organizer's note, for the speaker to edit again.
 */
export const speakerProfileDrafts = sqliteTable("speaker_profile_drafts", {
  speakerId: integer("speaker_id")
    .primaryKey()
    .references(() => speakers.id, { onDelete: "cascade" }),
  /** pending: waits for an organizer; returned: sent back with `note`. */
  status: text("status", { enum: ["pending", "returned"] }).notNull(),
  /** The proposed profile: see `lib/speakers/portal-input.ts`. */
  data: text("data", { mode: "json" }).notNull(),
  note: text("note"),
  updatedAt: updatedAt(),
});

/**
 * What a speaker proposes for one of their sessions' materials and an organizer has not yet
 * approved: one per session, never shown on the public site. A null slides file or recording link
 * keeps what is public; the consents are the speaker's answer for each. Approving applies it to
 * `session_materials` and deletes it; sending it back keeps it, with the organizer's note.
 */
export const sessionMaterialProposals = sqliteTable("session_material_proposals", {
  sessionId: integer("session_id")
    .primaryKey()
    .references(() => sessions.id, { onDelete: "cascade" }),
  eventId: integer("event_id")
    .notNull()
    .references(() => events.id),
  /** The speaker who proposed it last. */
  speakerId: integer("speaker_id")
    .notNull()
    .references(() => speakers.id, { onDelete: "cascade" }),
  /** pending: waits for an organizer; returned: sent back with `note`. */
  status: text("status", { enum: ["pending", "returned"] }).notNull(),
  slidesFile: text("slides_file"),
  slidesBytes: integer("slides_bytes"),
  slidesPages: integer("slides_pages"),
  slidesPreview: text("slides_preview"),
  recordingUrl: text("recording_url"),
  slidesConsent: integer("slides_consent", { mode: "boolean" }).notNull().default(false),
  recordingConsent: integer("recording_consent", { mode: "boolean" }).notNull().default(false),
  note: text("note"),
  updatedAt: updatedAt(),
});

export type SessionMaterialProposal = typeof sessionMaterialProposals.$inferSelect;

export type SpeakerInvitation = typeof speakerInvitations.$inferSelect;
export type SpeakerProfileDraft = typeof speakerProfileDrafts.$inferSelect;

/**
 * What a server process must share with the others (the server runs one process per core), kept
 * in the database because each process has its own memory. Neither table is worth backing up.
 *
 * rate_limit_buckets: the token bucket of each client address for the registration endpoints
 * (lib/http/rate-limit.ts), so that a limit holds for the whole server, not per process.
 */
export const rateLimitBuckets = sqliteTable("rate_limit_buckets", {
  key: text("key").primaryKey(),
  tokens: real("tokens").notNull(),
  /** When the bucket last changed, in ms since the epoch. */
  at: integer("at").notNull(),
});

/**
 * cache_invalidations: every cache tag revalidated by any process (server/shared-cache.mjs), in
 * order; each process reads the rows past the last it saw and drops what they name from its own
 * caches (Next's and the page copy), so that the next answer of every process is fresh.
 */
export const cacheInvalidations = sqliteTable("cache_invalidations", {
  seq: integer("seq").primaryKey({ autoIncrement: true }),
  tag: text("tag").notNull(),
  /** When it was revalidated, in ms since the epoch. */
  at: integer("at").notNull(),
});

/**
 * An attendee's answer about a session they registered for, given after it ended: one per person
 * and session (the unique index), edited in place until the feedback window closes.
 */
export const sessionFeedback = sqliteTable(
  "session_feedback",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id),
    sessionId: integer("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    registrationId: integer("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    /** 1 to 5; the check holds it even against a writer that skipped the rules. */
    rating: integer("rating").notNull(),
    comment: text("comment").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("session_feedback_person_session_idx").on(t.registrationId, t.sessionId),
    index("session_feedback_session_idx").on(t.sessionId),
    index("session_feedback_event_idx").on(t.eventId, t.sessionId),
    check("session_feedback_rating_check", sql`${t.rating} between 1 and 5`),
  ],
);

/**
 * A certificate of attendance, made the first time its person downloads it. The code printed on it
 * is what a third party types at /verify/<code>: random, so that no one can find another's.
 */
export const certificates = sqliteTable("certificates", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  eventId: integer("event_id")
    .notNull()
    .references(() => events.id),
  registrationId: integer("registration_id")
    .notNull()
    .unique()
    .references(() => registrations.id, { onDelete: "cascade" }),
  code: text("code").notNull().unique(),
  createdAt: createdAt(),
});

export type SessionFeedback = typeof sessionFeedback.$inferSelect;
export type Certificate = typeof certificates.$inferSelect;

/**
 * An organizer's message to the people of an edition, written in both languages. A draft until it
 * is sent; sending writes every recipient and their email in one transaction, so it is sent once.
 */
export const announcements = sqliteTable(
  "announcements",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id),
    /** news: only to people who consented to news; service: to everyone in the audience. */
    kind: text("kind", { enum: announcementKinds }).notNull(),
    subjectEn: text("subject_en").notNull(),
    subjectZh: text("subject_zh").notNull(),
    bodyEn: text("body_en").notNull(),
    bodyZh: text("body_zh").notNull(),
    /** Who it goes to: see lib/announcements/audience.ts. */
    audience: text("audience", { mode: "json" }).notNull(),
    status: text("status", { enum: ["draft", "sent"] }).notNull().default("draft"),
    createdBy: integer("created_by").references(() => users.id),
    sentBy: integer("sent_by").references(() => users.id),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("announcements_event_idx").on(t.eventId, t.id)],
);

/** One row per person an announcement was sent to, with the email queued for them. */
export const announcementRecipients = sqliteTable(
  "announcement_recipients",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id),
    announcementId: integer("announcement_id")
      .notNull()
      .references(() => announcements.id),
    registrationId: integer("registration_id").references(() => registrations.id),
    speakerId: integer("speaker_id").references(() => speakers.id),
    /** Trimmed and lower-cased: the unique index lets no one be written twice for one announcement. */
    emailKey: text("email_key").notNull(),
    locale: text("locale", { enum: ["en", "zh-CN"] }).notNull(),
    outboxId: integer("outbox_id")
      .notNull()
      .references(() => outbox.id),
    /**
     * When the email is due by the announcement's rate. The outbox row's nextAttemptAt equals it until
     * the worker takes the email (a lease, a retry); the pacing after a restart moves only those.
     */
    dueAt: integer("due_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("announcement_recipients_person_idx").on(t.announcementId, t.emailKey),
    index("announcement_recipients_outbox_idx").on(t.outboxId),
  ],
);

export type Announcement = typeof announcements.$inferSelect;
export type AnnouncementRecipient = typeof announcementRecipients.$inferSelect;
