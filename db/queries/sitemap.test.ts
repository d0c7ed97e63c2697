/** What /sitemap.xml is built from: only what the public site shows, in every edition. */
import { beforeAll, describe, expect, it } from "vitest";
import { publicPaths } from "../../lib/discover/sitemap";
import { getDb } from "../client";
import { events, sessions, speakers } from "../schema";
import { withSeededDatabase } from "../test-support";
import { getEvent } from "./event";
import { listPublicSessionSlugs } from "./sessions";
import { sitemapSource } from "./sitemap";

withSeededDatabase("sitemap");

let paths: string[];
let seededPath: string;

/** An archived edition with a published, a cancelled and a draft session; a hidden speaker; the seeded edition stays current. */
beforeAll(() => {
  const db = getDb();
  seededPath = getEvent().path;
  const past = db
    .insert(events)
    .values({ slug: "example2019", path: "2019", nameEn: "Example Forum 2019", nameZh: "2019示例论坛", venueEn: "Example Hall", venueZh: "示例会堂", timeZone: "Europe/Berlin", startDate: "2019-05-06", endDate: "2019-05-07" })
    .returning()
    .get();
  const at = (hour: number) => new Date(Date.UTC(2019, 4, 6, hour));
  for (const [slug, status] of [["archived-talk", "published"], ["called-off", "cancelled"], ["never-shown", "draft"]] as const) {
    db.insert(sessions).values({ eventId: past.id, slug, type: "talk", status, startsAt: at(8), endsAt: at(9), titleEn: slug, titleZh: slug }).run();
  }
  db.insert(sessions).values({ eventId: getEvent().id, slug: "current-draft", type: "talk", status: "draft", startsAt: at(8), endsAt: at(9), titleEn: "Draft", titleZh: "草稿" }).run();
  db.insert(speakers)
    .values({ slug: "hidden-person", listed: false, nameEn: "Hidden Person", nameZh: "隐藏", titleEn: "T", titleZh: "T", organisationEn: "O", organisationZh: "O", bioEn: "B", bioZh: "B" })
    .run();
  paths = publicPaths(sitemapSource());
});

describe("the sitemap's pages", () => {
  it("lists every public session of the current edition at its unprefixed address, and no draft", () => {
    const slugs = listPublicSessionSlugs();
    expect(slugs.length).toBeGreaterThan(10);
    for (const slug of slugs) expect(paths).toContain(`/sessions/${slug}`);
    expect(paths).not.toContain("/sessions/current-draft");
    expect(paths.some((p) => p.startsWith(`/${seededPath}/`))).toBe(false);
  });

  it("lists a past edition's published and cancelled sessions and each of its days, not its drafts", () => {
    for (const path of ["/2019/agenda", "/2019/agenda/2019-05-06", "/2019/agenda/2019-05-07", "/2019/quotes", "/2019/sessions/archived-talk", "/2019/sessions/called-off"]) {
      expect(paths).toContain(path);
    }
    expect(paths.filter((p) => p.includes("never-shown"))).toEqual([]);
  });

  it("lists listed speakers and not a hidden one", () => {
    expect(paths.filter((p) => p.startsWith("/speakers/")).length).toBeGreaterThan(3);
    expect(paths).not.toContain("/speakers/hidden-person");
  });
});
