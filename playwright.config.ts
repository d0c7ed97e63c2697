import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://127.0.0.1:${port}`;
// Only e2e/api-capacity.spec.ts talks to this one (test.use({ baseURL })).
const CAPACITY_PORT = Number(process.env.E2E_CAPACITY_PORT || port + 1);
// Separate builds and databases per port, so that two runs on one machine keep apart.
const distDir = process.env.E2E_DIST_DIR || ".next-e2e";
const CAPACITY_BASE_URL = `http://127.0.0.1:${CAPACITY_PORT}`;
// A forum of 2 seats for e2e/admin-attendees.spec.ts's capacity and settings tests, and a server
// where e2e/admin-agenda*.spec.ts publish: each with its own database and its own copy of the
// build, so that neither changes what the specs counting seats or sessions on the others see.
const ATTENDEES_PORT = Number(process.env.E2E_ATTENDEES_PORT || port + 2);
const AGENDA_PORT = Number(process.env.E2E_AGENDA_PORT || port + 3);
// A forum left in the default registration mode (confirm) for e2e/registration-modes.spec.ts, the
// only spec that talks to it; the others run in open mode, as before the modes existed.
const MODES_PORT = Number(process.env.E2E_MODES_PORT || port + 4);
process.env.E2E_MODES_PORT = String(MODES_PORT);
// Two server processes on one database and one build folder, as `npm start` runs one process per
// core: e2e/two-process*.spec.ts change something through one and check it through the other.
const PAIR_PORTS = [Number(process.env.E2E_PAIR_PORT || port + 5), Number(process.env.E2E_PAIR_PORT || port + 5) + 1];
process.env.E2E_PAIR_PORTS = PAIR_PORTS.join(",");
const PAIR_ENV = {
  FORUM_CAPACITY: "20",
  DATABASE_PATH: `./data/e2e-pair-${PAIR_PORTS[0]}.db`,
  NEXT_DIST_DIR: `${distDir}-pair`,
  E2E_SKIP_BUILD: "1",
  WEB_CONCURRENCY: "1",
  RATE_LIMIT_PER_MINUTE: "30",
  TRUST_PROXY: "1",
  ...{ REGISTRATION_MODE: "open", REGISTRATIONS_PER_HOUR: "1000000" },
};
// A forum of its own for e2e/editions-story.spec.ts, which makes a new edition current: every
// other spec reads the 2024 edition at the unprefixed addresses.
// Past e2e/two-process-outbox.spec.ts's own servers (port + 7 to port + 9).
const STORY_PORT = Number(process.env.E2E_STORY_PORT || port + 10);
process.env.E2E_STORY_PORT = String(STORY_PORT);
process.env.E2E_STORY_DB = `./data/e2e-story-${STORY_PORT}.db`;
process.env.E2E_MODES_DB = `./data/e2e-modes-${MODES_PORT}.db`;
process.env.E2E_ATTENDEES_PORT = String(ATTENDEES_PORT);
process.env.E2E_AGENDA_PORT = String(AGENDA_PORT);
process.env.E2E_AGENDA_DB = `./data/e2e-agenda-${AGENDA_PORT}.db`;

// Every spec but e2e/registration-modes.spec.ts registers people from one address and expects them
// confirmed at once: those servers run in open mode, without the hourly limit per address.
const OPEN_MODE = { REGISTRATION_MODE: "open", REGISTRATIONS_PER_HOUR: "1000000" };

// Debian's Chromium: Playwright's own browser download cannot work without the internet.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"],
};

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  // A focused test (`.only`) would leave the rest of the suite unrun: refused, in CI or not.
  forbidOnly: true,
  retries: 0,
  workers: 2,
  // A test that drives several pages through a registration takes 20-30 s on a loaded 2-core machine:
  // the limit is for a hang, not for a slow browser.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL,
    // Visitors far from Shanghai must still see forum time.
    timezoneId: "America/Los_Angeles",
    launchOptions,
    trace: "retain-on-failure",
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions }, testIgnore: /phone\.spec\.ts/ },
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions }, testMatch: /phone\.spec\.ts/ },
  ],
  // Playwright starts these one after the other, each once the previous answers on its url, so the
  // second reuses the build the first has just made (E2E_SKIP_BUILD).
  webServer: [
    {
      command: "node scripts/e2e-server.mjs",
      url: `${baseURL}/en`,
      env: { PORT: String(port), NEXT_DIST_DIR: distDir, DATABASE_PATH: `./data/e2e-${port}.db`, ...OPEN_MODE },
      // Never an old server: it would test an old build on an old database.
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // A small forum for e2e/api-capacity.spec.ts alone; always fresh, since that spec counts seats.
      // TRUST_PROXY lets its rate-limit test speak for an address of its own (X-Forwarded-For).
      command: "node scripts/e2e-server.mjs",
      url: `${CAPACITY_BASE_URL}/en`,
      env: {
        PORT: String(CAPACITY_PORT),
        FORUM_CAPACITY: "20",
        DATABASE_PATH: `./data/e2e-capacity-${CAPACITY_PORT}.db`,
        NEXT_DIST_DIR: distDir,
        E2E_SKIP_BUILD: "1",
        RATE_LIMIT_PER_MINUTE: "1000",
        TRUST_PROXY: "1",
        ...OPEN_MODE,
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "node scripts/e2e-server.mjs",
      url: `http://127.0.0.1:${ATTENDEES_PORT}/en`,
      env: {
        PORT: String(ATTENDEES_PORT),
        FORUM_CAPACITY: "2",
        DATABASE_PATH: `./data/e2e-attendees-${ATTENDEES_PORT}.db`,
        NEXT_DIST_DIR: `${distDir}-attendees`,
        E2E_BUILD_FROM: distDir,
        E2E_SKIP_BUILD: "1",
        ...OPEN_MODE,
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "node scripts/e2e-server.mjs",
      url: `http://127.0.0.1:${AGENDA_PORT}/en`,
      env: {
        PORT: String(AGENDA_PORT),
        DATABASE_PATH: process.env.E2E_AGENDA_DB,
        NEXT_DIST_DIR: `${distDir}-agenda`,
        E2E_BUILD_FROM: distDir,
        E2E_SKIP_BUILD: "1",
        ...OPEN_MODE,
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // The default mode and the default hourly limit; TRUST_PROXY lets each test speak for an
      // address of its own (X-Forwarded-For), so the limit of one test is not another's.
      command: "node scripts/e2e-server.mjs",
      url: `http://127.0.0.1:${MODES_PORT}/en`,
      env: {
        PORT: String(MODES_PORT),
        FORUM_CAPACITY: "100",
        DATABASE_PATH: process.env.E2E_MODES_DB,
        NEXT_DIST_DIR: distDir,
        E2E_SKIP_BUILD: "1",
        TRUST_PROXY: "1",
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "node scripts/e2e-server.mjs",
      url: `http://127.0.0.1:${STORY_PORT}/en`,
      env: {
        PORT: String(STORY_PORT),
        DATABASE_PATH: process.env.E2E_STORY_DB,
        NEXT_DIST_DIR: `${distDir}-story`,
        E2E_BUILD_FROM: distDir,
        E2E_SKIP_BUILD: "1",
        ...OPEN_MODE,
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    ...PAIR_PORTS.map((pairPort, i) => ({
      // The first makes the database and copies the build; the second joins them (E2E_JOIN).
      command: "node scripts/e2e-server.mjs",
      url: `http://127.0.0.1:${pairPort}/en`,
      env: { ...PAIR_ENV, PORT: String(pairPort), ...(i === 0 ? { E2E_BUILD_FROM: distDir } : { E2E_JOIN: "1" }) },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore" as const,
      stderr: "pipe" as const,
    })),
  ],
});
