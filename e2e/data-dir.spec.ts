// The embedded database is held by the running server: a second server or
// the CLI on the same directory fails fast with a clear message.
import { spawnSync } from "node:child_process";
import { test, expect } from "./fixtures";

const tsx = ["node_modules/tsx/dist/cli.mjs"];

test.describe("data directory lock", () => {
  test.skip(Boolean(process.env.E2E_DATABASE_URL), "only the embedded database has a data directory");

  test("the CLI refuses to open a directory the server holds", () => {
    const started = Date.now();
    const result = spawnSync(process.execPath, [...tsx, "scripts/cms.ts", "user", "create", "--email", "x@y.cn", "--name", "x", "--role", "editor"], {
      env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR, DATABASE_URL: "" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/is in use by another process \(pid \d+, server/);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  test("a second npm start on the same directory fails fast", () => {
    const result = spawnSync(process.execPath, [...tsx, "scripts/start.ts"], {
      env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR, DATABASE_URL: "", PORT: "3299" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Cannot start: .* is in use by another process/);
  });

  test("bad CLI arguments get the usage and a non-zero exit", () => {
    const result = spawnSync(process.execPath, [...tsx, "scripts/cms.ts", "user", "frobnicate", "--email", "a@b.cn"], { encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Usage: npm run cms");
  });
});
