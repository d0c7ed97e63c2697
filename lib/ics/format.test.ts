import { describe, expect, it } from "vitest";
import { escapeText, foldLine, formatUtcDateTime, textListProperty, textProperty } from "./format";

const octets = (s: string) => Buffer.byteLength(s, "utf8");
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, "");

describe("escapeText", () => {
  it("escapes backslash, semicolon, comma and every kind of newline", () => {
    expect(escapeText("a\\b;c,d")).toBe("a\\\\b\\;c\\,d");
    expect(escapeText("one\ntwo\r\nthree\rfour")).toBe("one\\ntwo\\nthree\\nfour");
    // The backslash is escaped first, so an escape sequence already in the text stays literal.
    expect(escapeText("C:\\new")).toBe("C:\\\\new");
  });

  it("leaves colons, quotes and Chinese punctuation alone and drops control characters", () => {
    expect(escapeText('Keynote: "New Four Modernizations"')).toBe('Keynote: "New Four Modernizations"');
    expect(escapeText("汽车产业“新四化”：电动化、网联化，智能化；共享化")).toBe(
      "汽车产业“新四化”：电动化、网联化，智能化；共享化",
    );
    expect(escapeText("a\u0000b\u0007c\td")).toBe("abc\td");
  });
});

describe("formatUtcDateTime", () => {
  it("writes YYYYMMDDTHHMMSSZ in UTC, whatever the zone of the server", () => {
    expect(formatUtcDateTime(new Date("2024-07-11T01:00:00Z"))).toBe("20240711T010000Z");
    expect(formatUtcDateTime(Date.UTC(2024, 6, 12, 23, 5, 9))).toBe("20240712T230509Z");
    expect(formatUtcDateTime(new Date("2024-07-11T09:00:00+08:00"))).toBe("20240711T010000Z");
  });

  it("refuses an invalid date", () => {
    expect(() => formatUtcDateTime(new Date("nope"))).toThrow(RangeError);
  });
});

describe("foldLine", () => {
  it("leaves a line of 75 octets whole and folds one of 76", () => {
    const exact = `SUMMARY:${"a".repeat(67)}`;
    expect(octets(exact)).toBe(75);
    expect(foldLine(exact)).toBe(exact);
    const longer = `${exact}b`;
    expect(foldLine(longer)).toBe(`${exact}\r\n b`);
  });

  it("folds long ASCII into lines of at most 75 octets that unfold to the original", () => {
    const line = `DESCRIPTION:${"The forum opens in Jiading District. ".repeat(12)}`;
    const folded = foldLine(line);
    const physical = folded.split("\r\n");
    expect(physical.length).toBeGreaterThan(5);
    for (const l of physical) expect(octets(l)).toBeLessThanOrEqual(75);
    expect(physical.slice(1).every((l) => l.startsWith(" "))).toBe(true);
    // Every line but the last is filled to the limit.
    for (const l of physical.slice(0, -1)) expect(octets(l)).toBe(75);
    expect(unfold(folded)).toBe(line);
  });

  it("never splits a Chinese character (3 octets) across lines", () => {
    const text = "论坛在上海市嘉定区开幕。开幕式欢迎与会嘉宾，并介绍为期三天、围绕汽车产业可持续高质量发展的议程安排。".repeat(3);
    const line = `DESCRIPTION:${text}`;
    const folded = foldLine(line);
    const physical = folded.split("\r\n");
    expect(physical.length).toBeGreaterThan(3);
    for (const l of physical) {
      expect(octets(l)).toBeLessThanOrEqual(75);
      // A split UTF-8 sequence would decode to U+FFFD.
      expect(Buffer.from(l, "utf8").toString("utf8")).not.toContain("\uFFFD");
    }
    // "DESCRIPTION:" is 12 octets: 21 characters of 3 octets fill 75 exactly.
    expect(physical[0]).toBe(`DESCRIPTION:${[...text].slice(0, 21).join("")}`);
    // A continuation holds a space and 24 characters (73 octets): a 25th would make 76.
    expect(octets(physical[1]!)).toBe(73);
    expect(unfold(folded)).toBe(line);
  });

  it("keeps characters outside the BMP (4 octets, 2 UTF-16 units) whole", () => {
    const line = `SUMMARY:${"🚗".repeat(40)}`;
    const physical = foldLine(line).split("\r\n");
    for (const l of physical) {
      expect(octets(l)).toBeLessThanOrEqual(75);
      expect(l).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
    expect(unfold(physical.join("\r\n"))).toBe(line);
  });

  it("handles mixed ASCII and Chinese at every offset", () => {
    for (let n = 0; n < 10; n++) {
      const line = `LOCATION:${"x".repeat(n)}${"示范体验区及外出参观".repeat(8)}`;
      const folded = foldLine(line);
      for (const l of folded.split("\r\n")) expect(octets(l)).toBeLessThanOrEqual(75);
      expect(unfold(folded)).toBe(line);
    }
  });
});

describe("properties", () => {
  it("escapes a TEXT value and folds the whole line", () => {
    expect(textProperty("SUMMARY", "Panel: growth, exports; more")).toBe("SUMMARY:Panel: growth\\, exports\\; more");
  });

  it("escapes each item of a list but keeps the separating commas", () => {
    expect(textListProperty("CATEGORIES", ["Chips, software", "NEV"])).toBe("CATEGORIES:Chips\\, software,NEV");
  });
});
