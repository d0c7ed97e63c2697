// What the site says of real people, against the article itself: the only source (issue 11).
import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import zh from "../../messages/zh-CN.json";
import { figureList, people, quoteList } from "./article";
import { readArticle } from "./article-file";
import { program, programPeople } from "./program";

const article = readArticle();
const paragraphs = article.split(/\n+/).map((p) => p.trim()).filter(Boolean);
/** What the article puts inside quotation marks, each span as written. */
const quotedSpans = [...article.matchAll(/“([^”]+)”/g)].map((m) => m[1]!);
const surname = (name: string) => name.split(" ")[0]!;

/** Every string of a messages file, with its key. */
function strings(messages: object, prefix = ""): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]): [string, string][] =>
    typeof value === "string" ? [[`${prefix}${key}`, value]] : strings(value as object, `${prefix}${key}.`),
  );
}

describe("the article's people", () => {
  it("are the people the article names, with their titles as it writes them", () => {
    for (const p of people) {
      expect(article.toLowerCase(), p.slug).toContain(`${p.nameEn}, ${p.titleEn}`.toLowerCase());
      expect(article, p.slug).toContain(p.organisationEn);
    }
  });

  it("are never linked to a session of the program, in any role", () => {
    const real = new Set<string>(people.map((p) => p.slug));
    const links = program.flatMap((s) => (s.speakers ?? []).map((sp) => `${s.slug}: ${sp.speaker}`));
    expect(links.filter((l) => real.has(l.split(": ")[1]!))).toEqual([]);
    // A negative control: the check above does see the links the program has.
    expect(links.length).toBeGreaterThan(0);
  });

  it("leave the program to people named by role, none of them named in the article", () => {
    for (const p of programPeople) {
      expect(article.toLowerCase(), p.slug).not.toContain(p.nameEn.toLowerCase());
      expect(people.map((x) => x.slug)).not.toContain(p.slug);
    }
    const linked = new Set(program.flatMap((s) => (s.speakers ?? []).map((sp) => sp.speaker)));
    expect([...linked].every((slug) => programPeople.some((p) => p.slug === slug))).toBe(true);
  });

  it("are named in no title or abstract of the program, and in no message of the site", () => {
    const names = people.flatMap((p) => [p.nameEn, p.slug]);
    for (const s of program) {
      const text = [s.titleEn, s.titleZh, s.abstractEn, s.abstractZh].join(" ");
      for (const name of names) expect(text, s.slug).not.toContain(name);
    }
    for (const [key, text] of [...strings(en), ...strings(zh)]) {
      for (const name of names) expect(text, key).not.toContain(name);
    }
  });
});

describe("the words of the article's people", () => {
  it("quote each direct quote verbatim: one span the article puts in quotation marks, its closing comma aside", () => {
    const direct = quoteList.filter((q) => q.kind === "direct");
    expect(direct).toHaveLength(4);
    for (const q of direct) {
      expect(quotedSpans.map((span) => span.replace(/,$/, ""))).toContain(q.text);
      // The paragraph that holds the quote attributes it to this person.
      const person = people.find((p) => p.slug === q.speaker)!;
      const paragraph = paragraphs.find((p) => p.includes(q.text))!;
      expect(paragraph, q.text).toContain(surname(person.nameEn));
    }
  });

  it("keep the two Apollo Go sentences as two quotes, joined by nothing", () => {
    const apollo = quoteList.filter((q) => q.text.includes("Apollo Go"));
    expect(apollo.map((q) => q.speaker)).toEqual(["liu-jining", "liu-jining"]);
    for (const q of quoteList) expect(q.text).not.toMatch(/…|\.\.\./);
  });

  it("give reported speech as paraphrases in the article's own words, from the sentence that attributes them", () => {
    const paraphrases = quoteList.filter((q) => q.kind === "paraphrase");
    expect(paraphrases.map((q) => q.speaker).sort()).toEqual(["lu-fangzhou", "wang-yao"]);
    for (const q of paraphrases) {
      const words = q.text.charAt(0).toLowerCase() + q.text.slice(1);
      const sentence = article.split(/(?<=\.)\s+/).find((s) => s.includes(words));
      expect(sentence, q.text).toBeDefined();
      expect(sentence, q.text).toContain(people.find((p) => p.slug === q.speaker)!.nameEn);
      expect(quotedSpans.some((span) => span.includes(words.slice(0, -1)))).toBe(false);
    }
  });

  it("attribute to Lu Fangzhou only what the article attributes to him, and never in quotation marks", () => {
    const lu = quoteList.filter((q) => q.speaker === "lu-fangzhou");
    expect(lu.map((q) => [q.kind, q.text])).toEqual([
      ["paraphrase", "The district has been accelerating its development as a core area of a global automobile industry hub."],
    ]);
  });

  it("have a translation each, which keeps names the article does not translate as written", () => {
    for (const q of quoteList) {
      expect(q.translation.trim()).not.toBe("");
      if (q.text.includes("Apollo Go")) expect(q.translation).toContain("Apollo Go");
    }
  });
});

describe("the article's figures", () => {
  /** The article's wording, compared as a reader would: "%" for "percent", a hyphen for a space. */
  const normalise = (text: string) =>
    text.toLowerCase().replace(/%/g, " percent").replace(/(\d)-percent/g, "$1 percent").replace(/\s+/g, " ").trim();

  it("state each value and unit as the article does, hedges included", () => {
    for (const f of figureList) expect(normalise(article), f.slug).toContain(normalise(`${f.value} ${f.unitEn}`));
    expect(figureList.find((f) => f.slug === "jiading-platforms")?.value).toBe("Some 200");
  });

  it("use in their labels only numbers the article gives, with its comparisons", () => {
    for (const f of figureList) {
      for (const n of f.labelEn.match(/\d+(?:\.\d+)?/g) ?? []) expect(article, `${f.slug}: ${n}`).toContain(n);
      expect(normalise(f.labelEn), f.slug).not.toMatch(/\bover \d/);
    }
    expect(normalise(article)).toContain(normalise("more than 60 percent of the global market share"));
    expect(normalise(article)).toContain(normalise("up 32 percent year over year"));
  });
});
