import { describe, expect, it } from "vitest";
import { normaliseLink, normaliseWechat } from "./links";

describe("normaliseLink", () => {
  it("keeps http(s) addresses on the field's host, and reads a bare host as https", () => {
    expect(normaliseLink("websiteUrl", " https://example.org/about ")).toEqual({ ok: true, value: "https://example.org/about" });
    expect(normaliseLink("websiteUrl", "example.org")).toEqual({ ok: true, value: "https://example.org/" });
    expect(normaliseLink("linkedinUrl", "https://www.linkedin.com/in/test-person")).toEqual({ ok: true, value: "https://www.linkedin.com/in/test-person" });
    expect(normaliseLink("linkedinUrl", "http://cn.linkedin.com/in/x")).toEqual({ ok: true, value: "http://cn.linkedin.com/in/x" });
    expect(normaliseLink("weiboUrl", "https://weibo.com/u/1234567890")).toEqual({ ok: true, value: "https://weibo.com/u/1234567890" });
    expect(normaliseLink("weiboUrl", "https://m.weibo.cn/u/1")).toEqual({ ok: true, value: "https://m.weibo.cn/u/1" });
  });

  it("reads an empty field as no link", () => {
    expect(normaliseLink("websiteUrl", "   ")).toEqual({ ok: true, value: null });
  });

  it("refuses every other scheme, javascript: and data: among them, however they are written", () => {
    for (const value of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      " javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox",
      "file:///etc/passwd",
      "ftp://example.org/",
      "mailto:a@example.org",
    ]) {
      expect(normaliseLink("websiteUrl", value), value).toEqual({ ok: false, error: "badUrl" });
    }
  });

  it("refuses addresses that only look like the right host", () => {
    expect(normaliseLink("linkedinUrl", "https://linkedin.com.evil.example/in/x")).toEqual({ ok: false, error: "wrongHost" });
    expect(normaliseLink("linkedinUrl", "https://evil-linkedin.com/in/x")).toEqual({ ok: false, error: "wrongHost" });
    expect(normaliseLink("weiboUrl", "https://example.org/weibo.com")).toEqual({ ok: false, error: "wrongHost" });
    expect(normaliseLink("linkedinUrl", "https://www.linkedin.com@evil.example/")).toEqual({ ok: false, error: "badUrl" });
  });

  it("refuses local hosts, address literals, credentials, ports and markup", () => {
    for (const value of ["http://localhost/", "http://127.0.0.1/", "http://[::1]/", "http://intranet/", "https://a:b@example.org/", "https://example.org:8443/", 'https://example.org/"onmouseover="x', "https://exa mple.org/"]) {
      expect(normaliseLink("websiteUrl", value).ok, value).toBe(false);
    }
  });

  it("refuses an address over 300 characters", () => {
    expect(normaliseLink("websiteUrl", `https://example.org/${"a".repeat(300)}`)).toEqual({ ok: false, error: "tooLong" });
  });
});

describe("normaliseWechat", () => {
  it("keeps a name in any script, with its spaces tidied", () => {
    expect(normaliseWechat(" 汽车  论坛 ")).toEqual({ ok: true, value: "汽车 论坛" });
    expect(normaliseWechat("auto_forum-2024")).toEqual({ ok: true, value: "auto_forum-2024" });
    expect(normaliseWechat("")).toEqual({ ok: true, value: null });
  });

  it("refuses what could pass for a link or markup, and overlong names", () => {
    for (const value of ["javascript:alert(1)", "https://mp.weixin.qq.com/x", "<b>x</b>", "-leading"]) {
      expect(normaliseWechat(value), value).toEqual({ ok: false, error: "badName" });
    }
    expect(normaliseWechat("名".repeat(41))).toEqual({ ok: false, error: "tooLong" });
  });
});
