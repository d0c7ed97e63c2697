import { afterEach, describe, expect, it } from "vitest";
import { calendarFeedUrl, webcalUrl } from "./feed-url";

const saved = process.env.SITE_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = saved;
});

describe("calendarFeedUrl", () => {
  it("is on the configured public address, never the request's", () => {
    process.env.SITE_URL = "https://forum.example.org/";
    expect(calendarFeedUrl("a".repeat(32))).toBe(`https://forum.example.org/feeds/${"a".repeat(32)}.ics`);
  });

  it("has a webcal: twin for calendar apps", () => {
    expect(webcalUrl("https://forum.example.org/feeds/x.ics")).toBe("webcal://forum.example.org/feeds/x.ics");
    expect(webcalUrl("http://localhost:3000/feeds/x.ics")).toBe("webcal://localhost:3000/feeds/x.ics");
  });
});
