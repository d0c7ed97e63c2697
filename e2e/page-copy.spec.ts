import { expect, test } from "@playwright/test";

// What server/page-copy.mjs relies on in Next's answers, which Next does not document: a page
// rendered ahead comes marked `x-nextjs-cache: HIT` (or MISS, just rendered), a page rendered per
// request comes without it. If an upgrade of Next changes that, these fail, not the visitors.
test.describe("the page copy and Next's answers", () => {
  test("a page rendered ahead is marked fresh by Next, then sent from the copy", async ({ request }) => {
    for (const path of ["/en/quotes", "/zh-CN/agenda", "/en"]) {
      let copied;
      for (let i = 0; i < 3 && !copied; i++) {
        const response = await request.get(path);
        expect(response.status()).toBe(200);
        const headers = response.headers();
        expect(["HIT", "MISS"], `${path}: ${headers["x-nextjs-cache"]}`).toContain(headers["x-nextjs-cache"]);
        if (headers["x-forum-cache"] === "HIT") copied = headers;
      }
      expect(copied, `${path} is sent from the page copy`).toBeDefined();
    }
  });

  test("a page rendered per request is never copied", async ({ request }) => {
    for (let i = 0; i < 3; i++) {
      const response = await request.get("/en/register");
      expect(response.status()).toBe(200);
      expect(response.headers()["x-nextjs-cache"]).toBeUndefined();
      expect(response.headers()["x-forum-cache"]).toBeUndefined();
    }
  });

  test("client navigations and prefetches go to Next, not the copy", async ({ request }) => {
    await request.get("/en/speakers");
    const rsc = await request.get("/en/speakers", { headers: { rsc: "1" } });
    expect(rsc.headers()["x-forum-cache"]).toBeUndefined();
    expect(rsc.headers()["content-type"]).toContain("text/x-component");
  });
});
