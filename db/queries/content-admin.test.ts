import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { quoteSchema } from "../../lib/quotes-editor/input";
import { speakerSchema } from "../../lib/speakers/input";
import { getDb } from "../client";
import { withSeededDatabase } from "../test-support";
import { auditLog, quotes, sessionSpeakers, sessions, sources, speakers, topics } from "../schema";
import { createQuote, updateQuote } from "./quotes-admin";
import { listQuoteIds, listQuotes } from "./quotes";
import { createSpeaker, deleteSpeaker, updateSpeaker } from "./speakers-admin";
import { getSpeaker, listSpeakers } from "./speakers";

withSeededDatabase("content");
const actor = "user:1";

const speakerInput = (nameEn: string, listed = false) =>
  speakerSchema.parse({
    nameEn,
    nameZh: "",
    titleEn: "",
    titleZh: "",
    organisationEn: "",
    organisationZh: "",
    bioEn: "",
    bioZh: "",
    listed,
  });

const quoteInput = (speakerId: number, over: Record<string, unknown> = {}) =>
  quoteSchema.parse({
    speakerId: String(speakerId),
    kind: "direct",
    language: "en",
    text: "Words of a fictitious test person.",
    translation: "",
    saidOn: "",
    sessionId: "",
    topicIds: [],
    sourceMode: "new",
    sourceId: "",
    sourcePublisher: "",
    sourceTitle: "A test source",
    sourcePublishedOn: "2024-07-25",
    sourceUrl: "",
    ...over,
  });

const auditOf = (entity: string, id: number) =>
  getDb().select().from(auditLog).where(eq(auditLog.entityId, id)).all().filter((r) => r.entity === entity);


describe("speakers in the console", () => {
  it("makes the slug once from the English name, unique, and keeps it through a rename", () => {
    const a = createSpeaker(speakerInput("Test Person Ä"), actor);
    const b = createSpeaker(speakerInput("Test Person A"), actor);
    expect([a.slug, b.slug]).toEqual(["test-person-a", "test-person-a-2"]);
    const change = updateSpeaker(a.id, speakerInput("Someone Else"), actor);
    expect(change?.after).toMatchObject({ nameEn: "Someone Else", slug: "test-person-a" });
    expect(auditOf("speaker", a.id).map((r) => r.action)).toEqual(["speaker.create", "speaker.update"]);
    expect(auditOf("speaker", a.id)[1]?.before).toMatchObject({ nameEn: "Test Person Ä" });
    expect(updateSpeaker(999_999, speakerInput("Nobody"), actor)).toBeUndefined();
  });

  it("refuses to delete someone the program or the archive names", () => {
    const wang = getDb().select().from(speakers).where(eq(speakers.slug, "wang-yao")).get()!;
    expect(deleteSpeaker(wang.id, actor)).toEqual({ ok: false, reason: "inUse" });
    expect(deleteSpeaker(999_999, actor)).toEqual({ ok: false, reason: "notFound" });
    const spare = createSpeaker(speakerInput("Spare Person"), actor);
    expect(deleteSpeaker(spare.id, actor)).toMatchObject({ ok: true });
    expect(auditOf("speaker", spare.id).at(-1)?.action).toBe("speaker.delete");
  });
});

describe("what the public sees", () => {
  it("shows listed speakers and anyone on a published session, and only their quotes", () => {
    const before = listSpeakers().map((s) => s.slug);
    const hidden = createSpeaker(speakerInput("Hidden Person"), actor);
    const shown = createSpeaker(speakerInput("Shown Person", true), actor);
    const result = createQuote(quoteInput(hidden.id), actor);
    expect(result.ok).toBe(true);
    const quoteId = result.ok ? result.quote.id : 0;

    expect(listSpeakers().map((s) => s.slug).sort()).toEqual([...before, shown.slug].sort());
    expect(getSpeaker(hidden.slug)).toBeUndefined();
    expect(listQuotes().some((q) => q.id === quoteId)).toBe(false);
    expect(listQuoteIds()).not.toContain(quoteId);

    // On a published session: shown whatever the flag says, with the quote.
    const session = getDb().select().from(sessions).where(eq(sessions.status, "published")).get()!;
    getDb().insert(sessionSpeakers).values({ sessionId: session.id, speakerId: hidden.id, role: "speaker" }).run();
    expect(getSpeaker(hidden.slug)?.quotes.map((q) => q.id)).toEqual([quoteId]);
    expect(listQuoteIds()).toContain(quoteId);
    getDb().delete(sessionSpeakers).where(eq(sessionSpeakers.speakerId, hidden.id)).run();
  });
});

describe("quotes in the console", () => {
  it("creates a source inline, links topics and writes an audit row for each", () => {
    const person = createSpeaker(speakerInput("Quoted Person"), actor);
    const topicIds = getDb().select({ id: topics.id }).from(topics).limit(2).all().map((t) => String(t.id));
    const result = createQuote(quoteInput(person.id, { topicIds }), actor);
    if (!result.ok) throw new Error("not saved");
    const source = getDb().select().from(sources).where(eq(sources.id, result.quote.sourceId)).get();
    expect(source).toMatchObject({ title: "A test source", publisher: null, publishedOn: "2024-07-25" });
    expect(auditOf("source", source!.id).map((r) => r.action)).toEqual(["source.create"]);
    expect(auditOf("quote", result.quote.id)[0]?.after).toMatchObject({ topicIds: topicIds.map(Number).sort((a, b) => a - b) });
  });

  it("names every unknown reference and writes nothing", () => {
    const person = createSpeaker(speakerInput("Careful Person"), actor);
    const count = () => [getDb().select().from(quotes).all().length, getDb().select().from(sources).all().length];
    const before = count();
    const result = createQuote(
      quoteInput(999_999, { sessionId: "999999", topicIds: ["999999"], sourceMode: "existing", sourceId: "999999" }),
      actor,
    );
    expect(result).toEqual({
      ok: false,
      errors: { speakerId: "unknownSpeaker", sessionId: "unknownSession", topicIds: "unknownTopic", sourceId: "unknownSource" },
    });
    // A new source is not created for a quote that is refused.
    expect(createQuote(quoteInput(person.id, { sessionId: "999999" }), actor)).toMatchObject({ ok: false });
    expect(count()).toEqual(before);
    expect(updateQuote(999_999, quoteInput(person.id), actor)).toEqual({ ok: false, notFound: true });
  });

  it("refuses to attach the words of a real person to a session, and writes nothing", () => {
    const liu = getDb().select().from(speakers).where(eq(speakers.slug, "liu-jining")).get()!;
    const session = getDb().select().from(sessions).where(eq(sessions.status, "published")).get()!;
    const before = getDb().select().from(quotes).all().length;
    expect(createQuote(quoteInput(liu.id, { sessionId: String(session.id), sourceMode: "existing", sourceId: String(liu.sourceId) }), actor)).toEqual({
      ok: false,
      errors: { sessionId: "realPersonSession" },
    });
    const own = getDb().select().from(quotes).where(eq(quotes.speakerId, liu.id)).get()!;
    expect(updateQuote(own.id, quoteInput(liu.id, { sessionId: String(session.id), sourceMode: "existing", sourceId: String(liu.sourceId) }), actor)).toEqual({
      ok: false,
      errors: { sessionId: "realPersonSession" },
    });
    expect(getDb().select().from(quotes).all().length).toBe(before);
    expect(getDb().select().from(quotes).where(eq(quotes.id, own.id)).get()?.sessionId).toBeNull();
  });
});
