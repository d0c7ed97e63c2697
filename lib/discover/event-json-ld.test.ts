import { describe, expect, it } from "vitest";
import { jsonLdText, sessionEventJsonLd, type JsonLdSession } from "./event-json-ld";

const edition = {
  nameEn: "Example Forum 2031",
  nameZh: "2031示例论坛",
  venueEn: "Example Hall, Berlin",
  venueZh: "柏林示例会堂",
  timeZone: "Europe/Berlin",
  startDate: "2031-03-29",
  endDate: "2031-03-30",
};

// 09:00 to 09:45 in Berlin on 29 March 2031 (winter time, +01:00); the clocks change on 30 March.
const session: JsonLdSession = {
  titleEn: "Batteries for everyone",
  titleZh: "人人可用的电池",
  abstractEn: "A talk.",
  abstractZh: "一场演讲。",
  status: "published",
  startsAt: Date.UTC(2031, 2, 29, 8, 0),
  endsAt: Date.UTC(2031, 2, 29, 8, 45),
  room: { nameEn: "Hall A", nameZh: "A厅" },
  speakers: [
    { slug: "ada-example", nameEn: "Ada Example", nameZh: "艾达" },
    { slug: "bo-sample", nameEn: "Bo Sample", nameZh: null },
  ],
};

const context = (locale: string) => ({
  edition,
  locale,
  url: `https://forum.example/${locale}/sessions/batteries`,
  speakerUrl: (slug: string) => `https://forum.example/${locale}/speakers/${slug}`,
});

describe("sessionEventJsonLd", () => {
  it("is a schema.org Event with its times in the edition's zone, offset included", () => {
    const data = sessionEventJsonLd(session, context("en"));
    expect(data["@context"]).toBe("https://schema.org");
    expect(data["@type"]).toBe("Event");
    expect(data.name).toBe("Batteries for everyone");
    expect(data.startDate).toBe("2031-03-29T09:00:00+01:00");
    expect(data.endDate).toBe("2031-03-29T09:45:00+01:00");
    expect(data.url).toBe("https://forum.example/en/sessions/batteries");
    expect(data.eventStatus).toBe("https://schema.org/EventScheduled");
  });

  it("takes the offset of the session's own day: summer time after the clocks change", () => {
    const later = { ...session, startsAt: Date.UTC(2031, 2, 30, 7, 0), endsAt: Date.UTC(2031, 2, 30, 8, 0) };
    expect(sessionEventJsonLd(later, context("en")).startDate).toBe("2031-03-30T09:00:00+02:00");
  });

  it("places it at the edition's venue, in the room, and names the performers as people", () => {
    const data = sessionEventJsonLd(session, context("en"));
    expect(data.location).toEqual({ "@type": "Place", name: "Hall A, Example Hall, Berlin", address: "Example Hall, Berlin" });
    expect(data.performer).toEqual([
      { "@type": "Person", name: "Ada Example", url: "https://forum.example/en/speakers/ada-example" },
      { "@type": "Person", name: "Bo Sample", url: "https://forum.example/en/speakers/bo-sample" },
    ]);
    expect(data.superEvent).toMatchObject({ name: "Example Forum 2031", startDate: "2031-03-29", endDate: "2031-03-30" });
  });

  it("speaks the page's language, falling back to English where no Chinese is recorded", () => {
    const data = sessionEventJsonLd(session, context("zh-CN"));
    expect(data.name).toBe("人人可用的电池");
    expect(data.location.address).toBe("柏林示例会堂");
    expect(data.performer.map((p) => p.name)).toEqual(["艾达", "Bo Sample"]);
  });

  it("says a cancelled session is cancelled, and one without a room is at the venue", () => {
    const data = sessionEventJsonLd({ ...session, status: "cancelled", room: null }, context("en"));
    expect(data.eventStatus).toBe("https://schema.org/EventCancelled");
    expect(data.location.name).toBe("Example Hall, Berlin");
  });
});

describe("jsonLdText", () => {
  it("cannot end its script element early, and still parses to the same value", () => {
    const value = { name: "</script><script>alert(1)</script>", line: "a\u2028b" };
    const text = jsonLdText(value);
    expect(text).not.toContain("<");
    expect(text).not.toContain("\u2028");
    expect(JSON.parse(text)).toEqual(value);
  });
});
