import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { editionErrors, editionInput, isTimeZone, RESERVED_PATHS, timeZoneChoices } from "./edition-input";

const valid = {
  nameEn: "China Auto Forum 2025",
  nameZh: "2025中国汽车论坛",
  slug: "caf2025",
  path: "2025",
  startDate: "2025-09-30",
  endDate: "2025-10-02",
  timeZone: "Europe/Berlin",
  venueEn: "Messe Berlin",
  venueZh: "柏林展览中心",
  capacity: "800",
  opensAt: "2025-06-01T09:00",
  closesAt: "",
  mode: "confirm",
  copyFrom: "1",
};

const errorsOf = (over: Record<string, string>) => {
  const parsed = editionInput.safeParse({ ...valid, ...over });
  return parsed.success ? {} : editionErrors(parsed.error);
};

describe("the new edition form", () => {
  it("takes a whole, valid edition", () => {
    const parsed = editionInput.parse(valid);
    expect(parsed).toMatchObject({ slug: "caf2025", capacity: 800, copyFrom: 1, timeZone: "Europe/Berlin" });
    expect(editionInput.parse({ ...valid, capacity: "", copyFrom: "" })).toMatchObject({ capacity: null, copyFrom: null });
    expect(editionInput.parse({ ...valid, timeZone: " europe/berlin " }).timeZone).toBe("Europe/Berlin");
  });

  it("names the field of each mistake", () => {
    expect(errorsOf({ endDate: "2025-09-29" })).toEqual({ endDate: "endBeforeStart" });
    expect(errorsOf({ endDate: "2025-10-14" })).toEqual({ endDate: "tooLong14" });
    expect(errorsOf({ endDate: "2025-10-13" })).toEqual({});
    expect(errorsOf({ timeZone: "Europe/Atlantis" })).toEqual({ timeZone: "unknownZone" });
    expect(errorsOf({ slug: "CAF 2025" })).toEqual({ slug: "invalidSlug" });
    expect(errorsOf({ slug: "c" })).toEqual({ slug: "invalidSlug" });
    expect(errorsOf({ path: "2025/agenda" })).toEqual({ path: "invalidPath" });
    expect(errorsOf({ path: "agenda" })).toEqual({ path: "reservedPath" });
    expect(errorsOf({ startDate: "2025-02-30" })).toEqual({ startDate: "invalidDate" });
    expect(errorsOf({ nameZh: "  " })).toEqual({ nameZh: "required" });
    expect(errorsOf({ mode: "lottery" })).toEqual({ mode: "invalidMode" });
    expect(errorsOf({ capacity: "-1" })).toEqual({ capacity: "invalidCapacity" });
    expect(errorsOf({ copyFrom: "x" })).toEqual({ copyFrom: "unknownEdition" });
    expect(errorsOf({ opensAt: "2025-06-01T09:00", closesAt: "2025-05-01T09:00" })).toEqual({ closesAt: "closesBeforeOpens" });
  });

  it("knows every IANA zone Intl knows, and offers them", () => {
    expect(isTimeZone("Asia/Shanghai")).toBe(true);
    expect(isTimeZone("America/Argentina/Buenos_Aires")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(timeZoneChoices()).toContain("Europe/Berlin");
    expect(timeZoneChoices()).toContain("UTC");
  });

  it("reserves the name of every page under /[locale]/", () => {
    const folders = fs
      .readdirSync(path.join(process.cwd(), "app", "[locale]"), { withFileTypes: true })
      .filter((d) => d.isDirectory() && /^[a-z0-9-]+$/.test(d.name))
      .map((d) => d.name);
    expect(folders.length).toBeGreaterThan(5);
    for (const folder of folders) expect(RESERVED_PATHS).toContain(folder);
  });
});
