import { describe, expect, it } from "vitest";
import { seededEdition } from "../../lib/test-fixtures/edition";
import { event } from "./article";

describe("the edition the unit tests of lib/ use", () => {
  it("is the seeded one", () => {
    const { nameEn, nameZh, venueEn, venueZh, timeZone, startDate, endDate } = event;
    expect(seededEdition).toEqual({ nameEn, nameZh, venueEn, venueZh, timeZone, startDate, endDate });
  });
});
