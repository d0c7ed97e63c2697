import { describe, expect, it } from "vitest";
import { createSessionInput, fieldErrors, moveSessionInput, sessionFormValues, TITLE_MAX } from "./draft";

const valid = {
  type: "talk",
  titleEn: "A talk",
  titleZh: "演讲",
  abstractEn: "",
  abstractZh: "",
  roomId: "1",
  trackId: "",
  day: "2024-07-11",
  start: "09:00",
  end: "09:30",
  seatLimit: "",
  speakers: [{ speakerId: "3", role: "moderator" }],
};

describe("createSessionInput", () => {
  it("reads form strings into numbers, nulls and flags", () => {
    const parsed = createSessionInput.parse({ ...valid, cancelled: "on" });
    expect(parsed).toMatchObject({ roomId: 1, trackId: null, seatLimit: null, cancelled: true, acknowledge: false });
    expect(parsed.speakers).toEqual([{ speakerId: 3, role: "moderator" }]);
  });

  it("names the field and the reason for empty, overlong and malformed values", () => {
    const result = createSessionInput.safeParse({
      ...valid,
      titleEn: "   ",
      titleZh: "字".repeat(TITLE_MAX + 1),
      roomId: "abc",
      start: "25:00",
      seatLimit: "0",
      type: "party",
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors(result.error)).toMatchObject({
      titleEn: "required",
      titleZh: "tooLong",
      roomId: "invalid",
      start: "invalid",
      seatLimit: "invalid",
      type: "invalid",
    });
  });

  it("refuses the same person twice and unknown roles", () => {
    const twice = createSessionInput.safeParse({
      ...valid,
      speakers: [
        { speakerId: "3", role: "speaker" },
        { speakerId: "3", role: "host" },
      ],
    });
    expect(twice.success || fieldErrors(twice.error).speakers).toBe("duplicate");
    const role = createSessionInput.safeParse({ ...valid, speakers: [{ speakerId: "3", role: "boss" }] });
    expect(role.success || fieldErrors(role.error).speakers).toBe("invalid");
  });
});

describe("moveSessionInput", () => {
  it("needs the revision the move started from", () => {
    expect(moveSessionInput.safeParse({ sessionId: 1, roomId: 1, day: "2024-07-11", start: "09:00", end: "10:00" }).success).toBe(false);
    expect(
      moveSessionInput.parse({ sessionId: "1", revision: "4", roomId: "2", day: "2024-07-11", start: "09:00", end: "10:00" }),
    ).toMatchObject({ sessionId: 1, revision: 4, roomId: 2, acknowledge: false });
  });
  it("takes numbers and number strings, never a list, a boolean or null made into a number", () => {
    const move = { sessionId: 1, revision: 4, roomId: 2, day: "2024-07-11", start: "09:00", end: "10:00" };
    expect(moveSessionInput.parse(move)).toMatchObject({ sessionId: 1, revision: 4 });
    for (const [field, value] of [["sessionId", [1]], ["sessionId", true], ["roomId", null], ["revision", [4]], ["revision", ""]] as const) {
      const result = moveSessionInput.safeParse({ ...move, [field]: value });
      expect(result.success, `${field}: ${JSON.stringify(value)}`).toBe(false);
      expect(result.success || fieldErrors(result.error)[field]).toBe("invalid");
    }
  });
});

describe("sessionFormValues", () => {
  it("pairs speakers with their roles and drops React's own fields", () => {
    const form = new FormData();
    form.set("titleEn", "T");
    form.set("$ACTION_ID_x", "");
    form.append("speakerId", "4");
    form.append("speakerRole", "host");
    form.append("speakerId", "5");
    form.append("speakerRole", "panelist");
    expect(sessionFormValues(form)).toEqual({
      titleEn: "T",
      speakers: [
        { speakerId: "4", role: "host" },
        { speakerId: "5", role: "panelist" },
      ],
    });
  });
});
