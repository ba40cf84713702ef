// End-to-end tests in a real Chromium against `next start` (via `npm start`),
// on a data directory (or PostgreSQL database) of their own.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { E2E } from "./e2e/env";

/**
 * Specs whose outcome does not depend on the database engine — what they check
 * is rendering, headers, cookies, the HTTP server and the browser. `npm test`
 * runs them; `npm test -- --db-only` (CI's PostgreSQL pass) leaves them out.
 */
export const ENGINE_INDEPENDENT_SPECS = [
  "a11y.spec.ts", // axe and heading outline of the reader pages
  "csrf.spec.ts", // origin checks and cookie flags, before any query
  "error-language.spec.ts", // which catalogue an error's words come from
  "headers.spec.ts", // security headers and CSP nonces
  "keep-alive.spec.ts", // the HTTP server's idle timeout
  "paste.spec.ts", // the editor's clipboard conversion, in the browser
  "polish.spec.ts", // layout at phone width, page titles, the site icon
  "print.spec.ts", // the printed form's layout and PDF
  "reader-app.spec.ts", // the service worker's offline copies, in the browser
  "secure-cookies.spec.ts", // cookie flags behind an HTTPS proxy
  // The XSS corpus in a real Chromium (the sampler, the editor): how the browser
  // runs pages of stored text, the same on both engines; every payload through
  // every input and page runs on both in the Vitest db project (testing/xss-*.db.test.ts).
  "xss.spec.ts",
  "xss-inputs.spec.ts",
];

// Set once in the main process; the workers inherit it.
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "cms-e2e-"));

// Debian's headless shell (the old headless mode, without the browser's UI
// layers) when it is there: the same engine, about a quarter less time per
// test on this 2-core machine than the full browser in --headless=new.
const chromiumPath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ||
  ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((file) => fs.existsSync(file));

export default defineConfig({
  testDir: "e2e",
  testIgnore: process.env.CMS_DB_ONLY ? ENGINE_INDEPENDENT_SPECS.map((f) => `**/${f}`) : [],
  outputDir: "test-results",
  fullyParallel: false,
  // Three workers keep the one server busy (≈ 86 % of the run, against 76 % with two): measured
  // 2026-12-03 on this 2-core machine, 5.6 → 4.8 min for the whole suite (bench/results/2026-12-03-tests-s10.md).
  workers: Number(process.env.E2E_WORKERS) || 3,
  retries: 0, // a flaky test is a bug to find, not to retry
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000, // ordinary tests take up to ≈ 25 s on this 2-core machine with three workers; none may need more than 5 min
  expect: { timeout: 10_000 },
  reporter: process.env.E2E_REPORT ? [["list"], ["json", { outputFile: process.env.E2E_REPORT }]] : [["list"]],
  use: {
    baseURL: E2E.baseURL,
    // A failed test keeps its trace of actions, network and console; the DOM
    // snapshots and screencast of every action cost about 15 % of the suite's
    // time (measured: 4 specs, 81 s untraced, 86 s light, 99 s full), so they
    // are kept only when asked for: E2E_TRACE=full.
    trace: process.env.E2E_TRACE === "full" ? "retain-on-failure" : { mode: "retain-on-failure", snapshots: false, screenshots: false, sources: false },
    // The reader app's service worker is tested in reader-app.spec.ts, which allows it; elsewhere
    // it would only add its install and caching work to every new browser context.
    serviceWorkers: "block",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } } }],
  webServer: {
    command: `${process.execPath} node_modules/tsx/dist/cli.mjs scripts/start.ts`,
    url: `${E2E.baseURL}/api/v1/publications`,
    timeout: 600_000, // includes `next build` when the sources changed: about 1 min here, 5+ min under load
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(E2E.port),
      DATA_DIR: process.env.E2E_DATA_DIR,
      DEMO_PASSWORD: E2E.demoPassword,
      NEXTAUTH_SECRET: E2E.secret,
      NEXTAUTH_URL: E2E.baseURL,
      CMS_E2E_HOOK_TOKEN: E2E.hookToken,
      SCHEDULER_INTERVAL_MS: "1000",
      // The tests stand in for a reverse proxy on this machine: they set X-Forwarded-For to sign in "from" other addresses.
      TRUSTED_PROXIES: "127.0.0.1,::1",
      // Every browser test signs in from 127.0.0.1; the deliberate wrong passwords of the whole
      // run (auth, api, security specs) must not add up to the per-address limit (50 in 15 min)
      // and refuse an unrelated test's sign-in. The limit itself is tested in lib/auth/*.db.test.ts.
      LOGIN_MAX_PER_ADDRESS: "1000",
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : { DATABASE_URL: "" }),
    },
  },
});
