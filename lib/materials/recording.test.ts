import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  PLAYER_ORIGINS as CSP_PLAYERS,
} from "../../server/security-headers.mjs";
import { embedUrl, pageUrlAt, parseRecordingUrl, PLAYER_ORIGINS, VIDEO_HOSTS } from "./recording";

const ok = (raw: string) => {
  const parsed = parseRecordingUrl(raw);
  if (!parsed.ok) throw new Error(`${raw}: ${parsed.error}`);
  return parsed.link;
};

describe("the allow-list of recording links", () => {
  it.each([
    [
      "https://www.bilibili.com/video/BV1GJ411x7h7/?spm_id_from=333",
      "bilibili",
      "BV1GJ411x7h7",
      "https://www.bilibili.com/video/BV1GJ411x7h7",
    ],
    [
      "https://v.youku.com/v_show/id_XNTg0ODQ2NzQ4OA==.html",
      "youku",
      "XNTg0ODQ2NzQ4OA==",
      "https://v.youku.com/v_show/id_XNTg0ODQ2NzQ4OA==.html",
    ],
    [
      "https://v.qq.com/x/cover/mzc00200abcd123/t00354abcde.html",
      "tencent",
      "t00354abcde",
      "https://v.qq.com/x/page/t00354abcde.html",
    ],
    [
      "https://v.qq.com/x/page/t00354abcde.html",
      "tencent",
      "t00354abcde",
      "https://v.qq.com/x/page/t00354abcde.html",
    ],
    [
      "https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=x",
      "youtube",
      "dQw4w9WgXcQ",
      "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    ],
    [
      "https://youtu.be/dQw4w9WgXcQ?t=42",
      "youtube",
      "dQw4w9WgXcQ",
      "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    ],
    ["http://vimeo.com/76979871", "vimeo", "76979871", "https://vimeo.com/76979871"],
  ])("takes %s as a %s video", (raw, host, id, url) => {
    expect(ok(raw)).toEqual({ host, id, url });
  });

  it.each([
    ["javascript:alert(1)", "recordingUrlInvalid"],
    ["JavaScript://www.youtube.com/%0aalert(1)", "recordingUrlInvalid"],
    ["data:text/html,<script>alert(1)</script>", "recordingUrlInvalid"],
    ["ftp://www.youtube.com/watch?v=dQw4w9WgXcQ", "recordingUrlInvalid"],
    ["not a link", "recordingUrlInvalid"],
    ["", "recordingUrlInvalid"],
    ["https://example.com/video.mp4", "recordingHostNotAllowed"],
    // Look-alikes and hosts inside other parts of the address.
    ["https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ", "recordingHostNotAllowed"],
    ["https://evilyoutube.com/watch?v=dQw4w9WgXcQ", "recordingHostNotAllowed"],
    ["https://www.youtube.com@evil.example/watch?v=dQw4w9WgXcQ", "recordingHostNotAllowed"],
    ["https://user:pw@www.youtube.com/watch?v=dQw4w9WgXcQ", "recordingHostNotAllowed"],
    [
      "https://evil.example/?u=https://www.bilibili.com/video/BV1GJ411x7h7",
      "recordingHostNotAllowed",
    ],
    // The right host, but no video: a channel, a search, a malformed id.
    ["https://www.youtube.com/@somechannel", "recordingHostNotAllowed"],
    ["https://www.youtube.com/watch?v=<script>", "recordingHostNotAllowed"],
    ["https://www.bilibili.com/search?keyword=x", "recordingHostNotAllowed"],
    ["https://vimeo.com/channels/staffpicks", "recordingHostNotAllowed"],
  ])("refuses %s", (raw, error) => {
    expect(parseRecordingUrl(raw)).toEqual({ ok: false, error });
  });

  it("refuses an address longer than any video page's", () => {
    expect(
      parseRecordingUrl(`https://www.youtube.com/watch?v=dQw4w9WgXcQ&x=${"a".repeat(600)}`),
    ).toEqual({ ok: false, error: "recordingUrlInvalid" });
  });
});

describe("players and moments", () => {
  it("loads each host's player from its own origin, starting at the moment", () => {
    expect(embedUrl(ok("https://youtu.be/dQw4w9WgXcQ"), 754)).toBe(
      "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=754",
    );
    expect(embedUrl(ok("https://www.bilibili.com/video/BV1GJ411x7h7"), 90)).toBe(
      "https://player.bilibili.com/player.html?bvid=BV1GJ411x7h7&autoplay=1&t=90",
    );
    expect(embedUrl(ok("https://vimeo.com/76979871"), 0)).toBe(
      "https://player.vimeo.com/video/76979871?autoplay=1",
    );
    for (const host of VIDEO_HOSTS) expect(PLAYER_ORIGINS[host]).toMatch(/^https:\/\/[a-z0-9.-]+$/);
  });

  it("links to the moment on the host's own page", () => {
    expect(pageUrlAt(ok("https://youtu.be/dQw4w9WgXcQ"), 75)).toBe(
      "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=75s",
    );
    expect(pageUrlAt(ok("https://vimeo.com/76979871"), 75)).toBe(
      "https://vimeo.com/76979871#t=75s",
    );
  });

  it("the Content-Security-Policy frames exactly these players, and nothing else", () => {
    expect([...CSP_PLAYERS].sort()).toEqual(Object.values(PLAYER_ORIGINS).sort());
    const frameSrc = contentSecurityPolicy()
      .split("; ")
      .find((d) => d.startsWith("frame-src "));
    expect(frameSrc?.split(" ").slice(1).sort()).toEqual(
      ["'self'", ...Object.values(PLAYER_ORIGINS)].sort(),
    );
    // Scripts stay our own: a player runs inside its frame, under its own origin.
    expect(contentSecurityPolicy()).toContain("script-src 'self';");
  });
});
