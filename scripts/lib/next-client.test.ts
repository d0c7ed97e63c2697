import { describe, expect, it } from "vitest";
import {
  actionResult,
  encodeCall,
  formData,
  cacheBustingParam,
  layoutInlinedIn,
  prefetchRequest,
  routerStateTree,
} from "./next-client.mjs";

// The expected values were captured from Chromium running this app (Next 16.4): if Next changes
// how its client talks to the server, the soak benchmark must follow, and these say where.
describe("the requests the soak benchmark sends as Next's client would", () => {
  it("computes the router's _rsc parameter", () => {
    expect(cacheBustingParam({ prefetch: "1", segment: "/_tree", nextUrl: "/en" })).toBe(
      "ry-B8umWgNEV4JR9",
    );
    expect(
      cacheBustingParam({ prefetch: "1", segment: "/$d$locale/agenda/__PAGE__", nextUrl: "/en" }),
    ).toBe("609RFAIxsl3E-Zpl");
    expect(
      prefetchRequest(
        "/en/sessions/opening-ceremony",
        "/$d$locale/sessions/$d$slug/__PAGE__",
        "/en/agenda",
      ),
    ).toMatchObject({
      path: "/en/sessions/opening-ceremony?_rsc=PucMY76tBtgkgDfk",
      headers: { rsc: "1", "next-router-prefetch": "1", "next-url": "/en/agenda" },
    });
  });

  it("reads from a page's route tree whether the router asks for the locale layout's segment", () => {
    // /zh-CN/quotes as the build wrote it (locale: ParentInlinedIntoSelf, 32) and as a regeneration
    // after an edit wrote it (96: also InlinedIntoChild). Next decides this per render.
    const tree = (localeHint: number) =>
      [
        ':HL["/_next/static/chunks/35xkfrxwsxtk5.css","style"]',
        '3:[["children",{"s":"__PAGE__","h":160}]]',
        '2:[["children",{"s":"quotes","h":64,"c":"$Q3"}]]',
        `1:[["children",{"s":{"n":"locale","t":"d","k":"zh-CN","s":["api","sessions"]},"h":${localeHint},"c":"$Q2"}]]`,
        '0:{"b":"gfl622H_JZGpO2cMUH5JX","t":{"t":{"s":"","h":80,"c":"$Q1"}}}',
      ].join("\n");
    expect(layoutInlinedIn(tree(32))).toBe(false);
    expect(layoutInlinedIn(tree(96))).toBe(true);
  });

  it("encodes the router state tree of a console page", () => {
    expect(routerStateTree([["locale", "en"], "admin", "speakers", ["id", "1"]])).toBe(
      "%5B%22%22%2C%7B%22children%22%3A%5B%5B%22locale%22%2C%22en%22%2C%22d%22%2Cnull%5D%2C%7B%22children%22%3A%5B%22admin%22%2C%7B%22children%22%3A%5B%22speakers%22%2C%7B%22children%22%3A%5B%5B%22id%22%2C%221%22%2C%22d%22%2Cnull%5D%2C%7B%22children%22%3A%5B%22__PAGE__%22%2C%7B%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2Cnull%2C16%5D",
    );
  });

  it("sends a form to a Server Action as part 1 of the reply, its previous state in part 0", async () => {
    const call = await encodeCall([
      { revision: 3 },
      formData([
        ["locale", "en"],
        ["topicIds", "1"],
        ["topicIds", "2"],
      ]),
    ]);
    expect(call).toEqual({
      parts: [
        ["_1_locale", "en"],
        ["_1_topicIds", "1"],
        ["_1_topicIds", "2"],
        ["0", '[{"revision":3},"$K1"]'],
      ],
    });
  });

  it("sends plain arguments as one text part", async () => {
    expect(await encodeCall(["2024-07-11", { id: 3, note: "$5" }, undefined])).toEqual({
      text: '["2024-07-11",{"id":3,"note":"$$5"},"$undefined"]',
    });
  });

  it("reads an action's return value from its RSC answer", () => {
    const answer =
      '0:{"a":"$@1","q":"","i":false,"b":"build"}\n1:{"saved":true,"values":{"bioEn":"x"}}\n';
    expect(actionResult(answer)).toEqual({ saved: true, values: { bioEn: "x" } });
    expect(actionResult('0:{"a":"$@2"}\n')).toBeUndefined();
    // A long string goes into a text row: "<id>:T<hex byte length>,<text>" with no newline.
    const long = "长".repeat(40);
    const bytes = Buffer.byteLength(long).toString(16);
    expect(actionResult(`0:{"a":"$@1"}\n2:T${bytes},${long}1:{"bio":"$2"}\n`)).toEqual({ bio: "$2" });
    expect(actionResult('0:{"a":"$@1"}\n1:E{"digest":"123"}\n')).toBeUndefined();
  });
});
