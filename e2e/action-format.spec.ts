// Pins the private format of Server Action calls that the scripts speak by hand
// (scripts/lib/next-client.mjs: the soak benchmark's console saves and the abuse run's cases) and
// that the server's pre-check reads before Next does (server/action-precheck.mjs). Chromium makes a
// real call; if an upgrade of Next or React changes the request or the reply, this fails here
// instead of the benchmarks measuring errors, or the pre-check refusing real forms.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/console";

const distDir = process.env.E2E_DIST_DIR || ".next-e2e";

async function addSpeaker(page: Page, name: string): Promise<number> {
  await page.goto("/en/admin/speakers");
  await page.getByLabel("Name (English)").fill(name);
  await page.getByLabel("Job title (English)").fill("Format tester");
  await page.getByLabel("Job title (Chinese)").fill("格式测试员");
  await page.getByLabel("Organisation (English)").fill("Example Test Works");
  await page.getByLabel("Organisation (Chinese)").fill("示例测试公司");
  await page.getByLabel("Biography (English)").fill("A fictitious person made by an end-to-end test.");
  await page.getByLabel("Biography (Chinese)").fill("端到端测试创建的虚构人物。");
  await page.getByRole("button", { name: "Add speaker" }).click();
  await expect(page.getByText("Speaker added. You can add a photo now.")).toBeVisible();
  return Number(/\/admin\/speakers\/(\d+)/.exec(page.url())?.[1]);
}

test("a console save is the request next-client.mjs builds, and its reply reads as the page read it", async ({ organizerPage: page }) => {
  // Loaded as the ES modules they are (a static import would have Playwright compile them to CommonJS).
  const { checkActionBody, checkActionHeaders } = await import("../server/action-precheck.mjs");
  const { multipart } = await import("../scripts/lib/http-client.mjs");
  const { actionHeaders, actionId, actionResult, encodeCall, formData, routerStateTree } = await import("../scripts/lib/next-client.mjs");
  const id = await addSpeaker(page, `Format Speaker ${randomUUID().slice(0, 8)}`);
  expect(id).toBeGreaterThan(0);
  await page.getByLabel("Biography (English)").fill("Saved by Chromium.");
  const isAction = (r: { method(): string; headers(): Record<string, string> }) => r.method() === "POST" && Boolean(r.headers()["next-action"]);
  const [call] = await Promise.all([page.waitForRequest(isAction), page.getByRole("button", { name: "Save changes" }).click()]);
  await expect(page.getByText("Changes saved.")).toBeVisible();
  const headers = await call.allHeaders();
  const body = call.postDataBuffer() ?? Buffer.alloc(0);
  const contentType = headers["content-type"] ?? "";

  // The request: the action's id as the build's manifest names it, the router tree of the page.
  expect(headers["next-action"]).toBe(actionId(distDir, "app/[locale]/admin/speakers/actions.ts", "updateSpeakerAction"));
  expect(headers.accept).toBe("text/x-component");
  const tree = (value: string) => JSON.parse(decodeURIComponent(value));
  expect(tree(headers["next-router-state-tree"] ?? "")).toEqual(
    tree(routerStateTree([["locale", "en"], "admin", "speakers", ["id", String(id)]])),
  );

  // The body: useActionState's call (previous state, then the form) as React's encoder writes it.
  expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
  const sent = [...(await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData()).entries()].map(
    ([name, value]): [string, string] => [name, String(value)],
  );
  const args = JSON.parse(sent.find(([name]) => name === "0")?.[1] ?? "null");
  expect(args).toEqual([expect.anything(), "$K1"]);
  const fields = sent.filter(([name]) => name.startsWith("_1_")).map(([name, value]) => [name.slice(3), value] as [string, string]);
  expect(fields).toContainEqual(["bioEn", "Saved by Chromium."]);
  expect(await encodeCall([args[0], formData(fields)])).toEqual({ parts: sent });

  // Chromium does not keep the streamed reply of an action for Playwright to read: the reply format
  // is pinned below, on the answer to the call built by hand from the browser's own fields.
  // What the server's pre-check lets through before Next reads it: the browser's own call.
  expect(checkActionHeaders({ ...headers, "content-length": String(body.length) })).toBeNull();
  expect(await checkActionBody(body, contentType)).toBeNull();

  // And the call built by hand from the same fields is accepted and answered the same way.
  const base = new URL(page.url()).origin;
  const pagePath = `/en/admin/speakers/${id}`;
  const own = await encodeCall([args[0], formData(fields.map(([name, value]): [string, string] => [name, name === "bioEn" ? "Saved by hand." : value]))]);
  expect("parts" in own).toBe(true);
  const byHand = multipart("parts" in own ? own.parts : []);
  const answer = await page.request.post(pagePath, {
    headers: actionHeaders({
      base,
      pagePath,
      actionId: headers["next-action"] ?? "",
      stateTree: routerStateTree([["locale", "en"], "admin", "speakers", ["id", String(id)]]),
      contentType: byHand.headers["content-type"],
    }),
    data: byHand.body,
    maxRedirects: 0,
  });
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toContain("text/x-component");
  expect(actionResult(await answer.body())).toMatchObject({ saved: true });
  await page.reload();
  await expect(page.getByLabel("Biography (English)")).toHaveValue("Saved by hand.");
});
