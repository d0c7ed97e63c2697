/**
 * The seeded edition's facts, for the unit tests of lib/ (which import nothing from db/).
 * db/seed/edition-fixture.test.ts checks that they are the seed's own.
 */
import type { EditionFacts } from "../edition";

export const seededEdition: EditionFacts = {
  nameEn: "2024 China Auto Forum",
  nameZh: "2024中国汽车论坛",
  venueEn: "Jiading District, Shanghai",
  venueZh: "上海市嘉定区",
  timeZone: "Asia/Shanghai",
  startDate: "2024-07-11",
  endDate: "2024-07-13",
};
