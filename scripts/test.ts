// `npm test`: type check, lint, unit + integration (Vitest), end-to-end
// (Playwright in Chromium). With DATABASE_URL set, the integration tests and
// the end-to-end server use fresh databases on that PostgreSQL server, created
// here and dropped afterwards; without it, embedded PGlite.
//
// `npm test -- --db-only` runs just what depends on the database engine: the
// Vitest `db` project and the end-to-end specs, less the files listed as
// engine-independent in vitest.config.mts and playwright.config.ts.
// CI runs everything once on PGlite, then this on PostgreSQL.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = process.cwd();
const reports = path.join(root, ".test-reports");
fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const TSC = path.join(root, "node_modules", "typescript-go", "bin", "tsc");
const results: { step: string; ok: boolean; seconds: number }[] = [];
const dbOnly = process.argv.includes("--db-only");
// One switch for both runners (vitest.config.mts, playwright.config.ts): leave out what does not depend on the engine.
if (dbOnly) process.env.CMS_DB_ONLY = "1";

/**
 * Runs one step and records its time. Its output goes to this terminal as it
 * comes, or — for a step running beside others (`buffered`) — is kept and
 * printed in one piece when it ends, so steps side by side do not interleave.
 */
function step(name: string, command: string, args: string[], { env = process.env, buffered = false }: { env?: NodeJS.ProcessEnv; buffered?: boolean } = {}): Promise<boolean> {
  if (!buffered) console.log(`\n=== ${name}`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: buffered ? ["ignore", "pipe", "pipe"] : "inherit" });
    const output: Buffer[] = [];
    child.stdout?.on("data", (b: Buffer) => output.push(b));
    child.stderr?.on("data", (b: Buffer) => output.push(b));
    const finish = (ok: boolean) => {
      const seconds = (Date.now() - started) / 1000;
      if (buffered) {
        console.log(`\n=== ${name}`);
        process.stdout.write(Buffer.concat(output));
      }
      console.log(`=== ${name}: ${ok ? "ok" : "FAILED"} in ${seconds.toFixed(1)} s`);
      results.push({ step: name, ok, seconds });
      resolve(ok);
    };
    child.on("error", (e) => {
      output.push(Buffer.from(String(e)));
      if (!buffered) console.error(e);
      finish(false);
    });
    child.on("close", (code) => finish(code === 0));
  });
}

/** A step beside others: its output in one piece at its end. */
const backgroundStep = (name: string, command: string, args: string[]) => step(name, command, args, { buffered: true });

async function adminQuery(url: string, sql: string) {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function countVitest(): { passed: number; failed: number } {
  try {
    const r = JSON.parse(fs.readFileSync(path.join(reports, "vitest.json"), "utf8"));
    return { passed: r.numPassedTests ?? 0, failed: (r.numFailedTests ?? 0) + (r.numTotalTestSuites && r.success === false && !r.numFailedTests ? 1 : 0) };
  } catch {
    return { passed: 0, failed: 1 };
  }
}

function countPlaywright(): { passed: number; failed: number; skipped: number } {
  try {
    const r = JSON.parse(fs.readFileSync(path.join(reports, "e2e.json"), "utf8"));
    return { passed: r.stats.expected ?? 0, failed: (r.stats.unexpected ?? 0) + (r.stats.flaky ?? 0), skipped: r.stats.skipped ?? 0 };
  } catch {
    return { passed: 0, failed: 1, skipped: 0 };
  }
}

async function main() {
  const dbLabel = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
  const startedAt = Date.now();
  console.log(dbOnly ? `Running the database-dependent tests on ${dbLabel}.` : `Running all tests on ${dbLabel}.`);
  // The production build (which the end-to-end server needs) runs beside the
  // type check and lint: those use one core each, the build the rest.
  const tsx = [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/start.ts", "--build-only"];
  const build = backgroundStep("production build (next build, if the sources changed)", process.execPath, tsx);
  if (!dbOnly) {
    // TypeScript 7 (the native compiler, `typescript-go` in package.json) checks the same program as 5.9
    // in a quarter of the CPU (47 → 13 CPU s here); ESLint's parser still needs the 5.9 `typescript`.
    await backgroundStep("type check", process.execPath, [TSC, "--noEmit"]);
    await backgroundStep("lint", bin("eslint"), ["."]);
  }
  const built = await build;

  const vitestArgs = ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(reports, "vitest.json")}`];
  // Vitest runs beside the end-to-end tests. Their one server is single-threaded
  // and the bottleneck of the run; Linux shares the CPU between sessions
  // (autogroups) first, and Playwright starts the server and each browser in
  // a session of its own, so the server keeps a core while Vitest fills what
  // the browsers leave of the other. Its output comes in one piece at its end.
  const vitest = backgroundStep(dbOnly ? "integration (Vitest, db project)" : "unit and integration (Vitest)", bin("vitest"), dbOnly ? [...vitestArgs, "--project", "db"] : vitestArgs);

  const e2eEnv: NodeJS.ProcessEnv = { ...process.env, E2E_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "cms-e2e-")), E2E_REPORT: path.join(reports, "e2e.json") };
  let dropDb: (() => Promise<void>) | undefined;
  if (process.env.DATABASE_URL) {
    const name = `cms_e2e_${Date.now()}`;
    await adminQuery(process.env.DATABASE_URL, `create database ${name}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    e2eEnv.E2E_DATABASE_URL = url.toString();
    dropDb = () => adminQuery(process.env.DATABASE_URL!, `drop database if exists ${name} with (force)`);
  }
  try {
    if (built) await step("end-to-end (Playwright, Chromium)", bin("playwright"), ["test"], { env: e2eEnv });
    else console.log("\n=== end-to-end: not run, the build failed");
  } finally {
    await dropDb?.().catch((e) => console.error("could not drop the e2e database:", e));
    fs.rmSync(e2eEnv.E2E_DATA_DIR!, { recursive: true, force: true });
  }
  await vitest;

  const v = countVitest();
  const p = countPlaywright();
  console.log("\n=== Summary (" + dbLabel + ")");
  for (const r of results) console.log(`  ${r.ok ? "ok    " : "FAILED"} ${r.seconds.toFixed(1).padStart(7)} s  ${r.step}`);
  console.log(`         ${((Date.now() - startedAt) / 1000).toFixed(1).padStart(7)} s  in all`);
  console.log(`  Vitest: ${v.passed} passed, ${v.failed} failed; Playwright: ${p.passed} passed, ${p.failed} failed, ${p.skipped} skipped`);
  const failedSteps = results.filter((r) => !r.ok).length;
  const failed = v.failed + p.failed + (failedSteps && !(v.failed + p.failed) ? failedSteps : 0);
  console.log(`tests: ${v.passed + p.passed} passed, ${failed} failed`);
  process.exit(failedSteps ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
