import { describe, expect, it } from "vitest";
import { changedFields, portalErrors, portalSchema, readPortalForm, type ProfileProposal } from "./portal-input";

const form = (over: Record<string, unknown> = {}) => {
  const data = new FormData();
  const values: Record<string, unknown> = {
    bioEn: "An invented test speaker.",
    bioZh: "虚构的测试嘉宾。",
    organisationEn: "Test Institute",
    organisationZh: "测试研究所",
    websiteUrl: "https://example.org",
    linkedinUrl: "",
    weiboUrl: "",
    wechatAccount: "测试号",
    ...over,
  };
  for (const [k, v] of Object.entries(values)) data.append(k, v as string | Blob);
  return data;
};

const parse = (over: Record<string, unknown> = {}) => portalSchema.safeParse(readPortalForm(form(over)));

describe("portalSchema", () => {
  it("trims the texts and stores links normalised, empty ones as none", () => {
    const parsed = parse({ bioEn: "  Words.  " });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual({
      bioEn: "Words.",
      bioZh: "虚构的测试嘉宾。",
      organisationEn: "Test Institute",
      organisationZh: "测试研究所",
      websiteUrl: "https://example.org/",
      linkedinUrl: null,
      weiboUrl: null,
      wechatAccount: "测试号",
    });
  });

  it("names the field of each bad value, with its code", () => {
    const parsed = parse({ websiteUrl: "javascript:alert(1)", linkedinUrl: "https://example.org/in/x", bioZh: "x".repeat(4001), wechatAccount: "<script>" });
    expect(parsed.success).toBe(false);
    expect(portalErrors(parsed.error!)).toEqual({ websiteUrl: "badUrl", linkedinUrl: "wrongHost", bioZh: "tooLong", wechatAccount: "badName" });
  });

  it("refuses a file in a text field and control characters", () => {
    const file = parse({ bioEn: new File(["x"], "x.txt") });
    expect(portalErrors(file.error!)).toEqual({ bioEn: "invalidType" });
    const control = parse({ organisationEn: "a\u0000b" });
    expect(portalErrors(control.error!)).toEqual({ organisationEn: "invalidType" });
  });

  it("takes no field that names a speaker: the form cannot reach another speaker's profile", () => {
    const raw = readPortalForm(form({ speakerId: "1", id: "1" }));
    expect(Object.keys(raw)).not.toContain("speakerId");
    expect(Object.keys(raw)).not.toContain("id");
    expect(portalSchema.safeParse({ ...raw, speakerId: 1 }).success).toBe(false);
  });
});

describe("changedFields", () => {
  const base: ProfileProposal = {
    bioEn: "a",
    bioZh: "b",
    organisationEn: "",
    organisationZh: "",
    websiteUrl: null,
    linkedinUrl: null,
    weiboUrl: null,
    wechatAccount: null,
    photoPath: null,
  };
  it("lists only what differs", () => {
    expect(changedFields(base, { ...base })).toEqual([]);
    expect(changedFields(base, { ...base, bioEn: "c", websiteUrl: "https://example.org/" })).toEqual(["bioEn", "websiteUrl"]);
  });
});

describe("readPortalForm", () => {
  it("reads a field the form did not send as a wrong type, not as an empty one", () => {
    const data = form();
    data.delete("websiteUrl");
    const parsed = portalSchema.safeParse(readPortalForm(data));
    expect(portalErrors(parsed.error!)).toEqual({ websiteUrl: "invalidType" });
  });
});
