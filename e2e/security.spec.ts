import http from "node:http";
import { type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { E2E_USERS, expect, test } from "./support/console";

// The production server's security headers, its refusal of data-changing requests from other
// sites, its health report, and links that a forged Host header cannot redirect.

const port = Number(process.env.E2E_PORT || 3100);
const CAPACITY_URL = `http://127.0.0.1:${Number(process.env.E2E_CAPACITY_PORT || port + 1)}`;
const databaseFile = `./data/e2e-${port}.db`;

const PUBLIC_PAGES = ["/en", "/zh-CN", "/en/agenda", "/zh-CN/agenda", "/en/speakers", "/en/quotes", "/en/register", "/en/sign-in", "/en/no-such-page"];

/** Records every Content-Security-Policy violation the page reports. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI} ${document.location.pathname}`,
      );
    });
  });
  return violations;
}

function expectHardened(headers: Record<string, string>, camera = "camera=()") {
  const csp = headers["content-security-policy"] ?? "";
  const script = csp.split(";").find((directive) => directive.trim().startsWith("script-src")) ?? "";
  expect(script).toMatch(/^\s*script-src 'self'/);
  expect(script).not.toContain("unsafe-inline");
  expect(script).not.toContain("unsafe-eval");
  // No origin but our own anywhere in the policy, except the video players a visitor clicks to
  // load (frame-src): they run in their frame, never in our page.
  const players = ["https://player.bilibili.com", "https://player.youku.com", "https://v.qq.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"];
  const frames = csp.split(";").find((directive) => directive.trim().startsWith("frame-src")) ?? "";
  expect(frames.trim().split(/\s+/).slice(1).filter((source) => source !== "'self'")).toEqual(players);
  expect(csp.split(";").filter((directive) => !directive.trim().startsWith("frame-src")).join(";")).not.toMatch(/https?:\/\//);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain(camera);
  expect(headers["strict-transport-security"]).toBeUndefined();
}

test.describe("security headers", () => {
  test("every public page carries them, first load and from the page cache alike", async ({ request }) => {
    for (const path of PUBLIC_PAGES) {
      for (const load of ["first", "cached"]) {
        const response = await request.get(path);
        expect([200, 404], `${path} (${load})`).toContain(response.status());
        expectHardened(response.headers());
        // The policy names the hash of every inline script the page has.
        const html = await response.text();
        const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)].length;
        const hashes = (response.headers()["content-security-policy"]!.match(/'sha256-/g) ?? []).length;
        expect(inline, `${path}: inline scripts`).toBeGreaterThan(0);
        expect(hashes, `${path}: one hash per distinct inline script`).toBeGreaterThan(0);
        expect(hashes).toBeLessThanOrEqual(inline);
      }
    }
    for (const path of ["/api/v1/sessions", "/schedule.json", "/agenda.ics", "/api/health"]) {
      expectHardened((await request.get(path)).headers());
    }
  });

  test("the pages work under the policy, and an injected inline script is refused", async ({ page }) => {
    const violations = await watchViolations(page);
    for (const path of PUBLIC_PAGES) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
    }
    // Scripts ran: the agenda's client-side filter narrows the list.
    await page.goto("/en/agenda");
    const sessions = page.getByRole("article");
    const before = await sessions.count();
    await page.getByLabel("Search").fill("battery");
    await expect.poll(() => sessions.count()).toBeLessThan(before);
    expect(violations).toEqual([]);

    // What the policy is for: a script an attacker managed to put in the page does not run.
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.injected = true";
      document.body.append(script);
    });
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
  });

  test("the camera is allowed on the check-in page only, and the console works under the policy", async ({ staffPage }) => {
    const violations = await watchViolations(staffPage);
    const response = await staffPage.goto("/en/checkin");
    expectHardened(response!.headers(), "camera=(self)");
    await expect(staffPage.getByLabel("Registration code or name")).toBeVisible();
    const elsewhere = await staffPage.request.get("/en/agenda");
    expect(elsewhere.headers()["permissions-policy"]).toContain("camera=()");
    expect(violations).toEqual([]);
  });

  test("HSTS only when the request came over HTTPS through a trusted proxy", async ({ request }) => {
    // This server does not trust X-Forwarded-Proto: a client cannot switch HSTS on.
    const direct = await request.get("/en", { headers: { "x-forwarded-proto": "https" } });
    expect(direct.headers()["strict-transport-security"]).toBeUndefined();
    // The capacity server runs with TRUST_PROXY=1, as behind a TLS-terminating proxy.
    const proxied = await request.get(`${CAPACITY_URL}/en`, { headers: { "x-forwarded-proto": "https" } });
    expect(proxied.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(proxied.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
  });
});

test.describe("requests from other sites", () => {
  const registration = () => ({
    fullName: "Cross Site Test",
    email: `${crypto.randomUUID()}@example.test`,
    organisation: "Example Motors",
    jobTitle: "Engineer",
    category: "media",
    days: ["2024-07-11"],
    consent: true,
  });

  test("a registration posted from another site's page is refused and saves nothing", async ({ request }) => {
    const data = registration();
    const crossSite: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { origin: "null" }];
    for (const headers of crossSite) {
      const refused = await request.post("/api/v1/registrations", { data, headers });
      expect(refused.status()).toBe(403);
      expect(await refused.text()).not.toContain(" at ");
    }
    // The same address is still free: nothing was saved.
    expect((await request.post("/api/v1/registrations", { data })).status()).toBe(201);
  });

  test("check-in from another site is refused even with the staff's cookie", async ({ staffPage }) => {
    const response = await staffPage.request.post("/api/checkin", {
      data: { day: "2024-07-11", input: "CAF-22222222", method: "manual" },
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(response.status()).toBe(403);
  });

  test("console cookies are HttpOnly and SameSite=Lax", async ({ staffPage }) => {
    const cookies = await staffPage.context().cookies();
    const session = cookies.find((cookie) => cookie.name.endsWith("authjs.session-token"));
    expect(session).toBeDefined();
    expect(session!.httpOnly).toBe(true);
    expect(session!.sameSite).toBe("Lax");
    for (const cookie of cookies.filter((c) => c.name.includes("authjs"))) expect(cookie.httpOnly, cookie.name).toBe(true);
  });

  test("behind an HTTPS proxy the session cookie is also Secure; a client cannot claim HTTPS itself", async () => {
    const signInOver = async (base: string) => {
      const headers = { "x-forwarded-proto": "https" };
      const csrf = await fetch(`${base}/api/auth/csrf`, { headers });
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const cookie = csrf.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
      const response = await fetch(`${base}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, email: E2E_USERS.staff.email, password: E2E_USERS.staff.password }),
      });
      return response.headers.getSetCookie().find((line) => line.includes("authjs.session-token")) ?? "";
    };
    const proxied = await signInOver(CAPACITY_URL);
    expect(proxied).toMatch(/^__Secure-authjs\.session-token=/);
    expect(proxied).toMatch(/; Secure/i);
    expect(proxied).toMatch(/; HttpOnly/i);
    expect(proxied).toMatch(/; SameSite=Lax/i);
    const direct = await signInOver(`http://127.0.0.1:${port}`);
    expect(direct).toMatch(/^authjs\.session-token=/);
    expect(direct).not.toMatch(/; Secure/i);
  });

  test("a forged Host header cannot change the link in the confirmation email", async () => {
    const data = registration();
    const body = JSON.stringify(data);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: "127.0.0.1", port, path: "/api/v1/registrations", method: "POST", headers: { host: "evil.example", "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.end(body);
    });
    expect(status).toBe(201);
    const db = new Database(databaseFile, { readonly: true });
    try {
      const email = db.prepare("select text, html from outbox where \"to\" = ?").get(data.email) as { text: string; html: string } | undefined;
      expect(email, "the confirmation was queued").toBeDefined();
      expect(email!.text + email!.html).not.toContain("evil.example");
      expect(email!.text).toMatch(/http:\/\/localhost:3000\/en\/ticket\/[A-Za-z0-9_-]{32}/);
    } finally {
      db.close();
    }
  });
});

test("/api/health reports the version and that the database answers", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { status: string; version: string; database: { ok: boolean; migrations: number } };
  expect(body.status).toBe("ok");
  expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(body.database.ok).toBe(true);
  expect(body.database.migrations).toBeGreaterThan(0);
  expect(response.headers()["cache-control"]).toBe("no-store");
});
