// Shared by the backup tests: the real CLI in a child process, and a table-by-table
// view of a database to compare two of them row by row.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { gunzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { executeRows, type Db } from "@/db";
import { backupTables } from "./backup";

export interface CmsResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the operator's CLI (`npm run cms -- …`); `env` overrides the test's environment (undefined removes a variable).
 * It runs the CLI bundled once for the run (testing/cli-bundle.setup.ts); `{ via: "npm" }` runs `npm run cms` itself.
 */
export function runCms(args: string[], env: Record<string, string | undefined>, { via = "bundle" }: { via?: "bundle" | "npm" } = {}): Promise<CmsResult> {
  const merged: NodeJS.ProcessEnv = { ...process.env };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete merged[k];
    else merged[k] = v;
  }
  const repo = process.cwd();
  const child =
    via === "npm"
      ? spawn("npm", ["run", "--silent", "cms", "--", ...args], { cwd: repo, env: merged })
      : spawn(process.execPath, [inject("cmsCli"), ...args], { cwd: repo, env: merged });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

export type CliTarget = { DATA_DIR: string } | { DATABASE_URL: string };

/**
 * For a CLI test file: a temporary folder (made in beforeAll, removed in
 * afterAll) and the CLI run against one database as the operator would.
 */
export function cliSandbox() {
  let tmp = "";
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cms-backup-cli-"));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const at = (name: string) => path.join(tmp, name);
  /** Runs `npm run cms -- …` against one database. */
  const cms = (args: string[], target: CliTarget = { DATA_DIR: at("unused") }, how?: { via?: "bundle" | "npm" }) =>
    runCms(args, "DATA_DIR" in target ? { ...target, DATABASE_URL: undefined } : target, how);
  const expectOk = async (run: Promise<CmsResult>, output: RegExp) => {
    const result = await run;
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(output);
  };
  /** A database with a user and an API token in it, made through the CLI. */
  const populate = async (target: CliTarget) => {
    await expectOk(cms(["user", "create", "--email", "ops@demo.local", "--name", "运维", "--role", "admin", "--password", "backup-test-1"], target), /Created admin/);
    await expectOk(cms(["token", "create", "--email", "ops@demo.local", "--name", "备份"], target), /API token/);
  };
  return { at, cms, expectOk, populate, dir: () => tmp };
}

/** The data lines of a logical backup (everything after the header, which holds the time it was made). */
export const dataLines = (file: string) => gunzipSync(fs.readFileSync(file)).toString("utf8").split("\n").slice(1);

/** Every table as PostgreSQL's own text of each row (bytea in hex, timestamps to the microsecond), by primary key. */
export async function tableContents(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of backupTables()) {
    const rows = await executeRows<{ row: string }>(
      db,
      sql`select t::text as row from ${sql.identifier(t.name)} t order by ${sql.join(t.orderBy.map((c) => sql`t.${sql.identifier(c)}`), sql`, `)}`,
    );
    out[t.name] = rows.map((r) => r.row);
  }
  return out;
}

