// End to end through the real CLI (`scripts/cms.ts backup|restore`) in child
// processes: PGlite data directories in temporary folders, and — when
// DATABASE_URL is set — PostgreSQL databases, across the two drivers.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireDataDirLock } from "@/db/lock";
import { dataLines, runCms } from "./test-helpers";

let tmp: string;
const at = (name: string) => path.join(tmp, name);
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cms-backup-cli-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

type Target = { DATA_DIR: string } | { DATABASE_URL: string };

/** Runs `npm run cms -- …` as the operator would, against one database. */
const cms = (args: string[], target: Target = { DATA_DIR: at("unused") }) => runCms(args, "DATA_DIR" in target ? { ...target, DATABASE_URL: undefined } : target);

async function expectOk(run: ReturnType<typeof cms>, output: RegExp) {
  const result = await run;
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(output);
}

/** A database with a user and an API token in it, made through the CLI. */
async function populate(target: Target) {
  await expectOk(cms(["user", "create", "--email", "ops@demo.local", "--name", "运维", "--role", "admin", "--password", "backup-test-1"], target), /Created admin/);
  await expectOk(cms(["token", "create", "--email", "ops@demo.local", "--name", "备份"], target), /API token/);
}

describe("npm run cms -- backup|restore", () => {
  it("answers bad arguments with the usage and exit code 2", async () => {
    for (const args of [["backup"], ["restore"], ["backup", "a", "b"], ["backup", at("x.gz"), "--force"], ["user", "passwd", "--force"]]) {
      const result = await cms(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toContain("Usage: npm run cms");
    }
    expect(fs.existsSync(at("unused"))).toBe(false); // no database was opened
  });

  it(
    "PGlite: backs up, restores into an empty directory identically, refuses a non-empty one and a directory a server holds",
    async () => {
      const source = { DATA_DIR: at("source") };
      const copy = { DATA_DIR: at("copy") };
      await populate(source);
      await expectOk(cms(["backup", at("one.jsonl.gz")], source), /Backed up \d+ rows of 21 tables to .*one\.jsonl\.gz/);
      expect(fs.readdirSync(tmp).filter((n) => n.endsWith(".tmp"))).toEqual([]);

      await expectOk(cms(["restore", at("one.jsonl.gz")], copy), /Restored \d+ rows of 21 tables .*row counts match the backup/);
      const again = await cms(["restore", at("one.jsonl.gz")], copy);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/^error: The database is not empty \(data in users, api_tokens, audit_log\).*--force/);
      await expectOk(cms(["restore", at("one.jsonl.gz"), "--force"], copy), /Restored/);

      await expectOk(cms(["backup", at("two.jsonl.gz")], copy), /Backed up/);
      expect(dataLines(at("two.jsonl.gz"))).toEqual(dataLines(at("one.jsonl.gz")));

      const release = acquireDataDirLock(source.DATA_DIR, "server"); // as a running server would
      try {
        for (const args of [["backup", at("three.jsonl.gz")], ["restore", at("one.jsonl.gz"), "--force"]]) {
          const locked = await cms(args, source);
          expect(locked.code).toBe(3);
          expect(locked.stderr).toMatch(/^error: The data directory .*source is in use by another process \(pid \d+, server/);
        }
        expect(fs.existsSync(at("three.jsonl.gz"))).toBe(false);
      } finally {
        release();
      }

      const missing = await cms(["backup", at("four.jsonl.gz")], { DATA_DIR: at("never-created") });
      expect([missing.code, missing.stderr]).toEqual([1, expect.stringMatching(/^error: There is no database in .*never-created/)]);
      const notThere = await cms(["restore", at("nope.jsonl.gz")], copy);
      expect([notThere.code, notThere.stderr]).toEqual([1, expect.stringMatching(/^error: Cannot read .*nope\.jsonl\.gz: no such file/)]);
    },
    600_000,
  );

  it.skipIf(!process.env.DATABASE_URL)(
    "PostgreSQL → PGlite → PostgreSQL: the same rows, to the byte",
    async () => {
      const { Client } = await import("pg");
      const admin = async (query: string) => {
        const client = new Client({ connectionString: process.env.DATABASE_URL });
        await client.connect();
        try {
          await client.query(query);
        } finally {
          await client.end();
        }
      };
      const names = [1, 2].map((i) => `cms_test_backup_${i}_${randomBytes(3).toString("hex")}`);
      const url = (name: string) => Object.assign(new URL(process.env.DATABASE_URL!), { pathname: `/${name}` }).toString();
      for (const name of names) await admin(`create database ${name}`);
      try {
        const [pgSource, pgTarget] = names.map((n) => ({ DATABASE_URL: url(n) }));
        await populate(pgSource!);
        await expectOk(cms(["backup", at("pg.jsonl.gz")], pgSource), /Backed up/);
        await expectOk(cms(["restore", at("pg.jsonl.gz")], { DATA_DIR: at("from-pg") }), /Restored/);
        await expectOk(cms(["backup", at("pglite.jsonl.gz")], { DATA_DIR: at("from-pg") }), /Backed up/);
        expect(dataLines(at("pglite.jsonl.gz"))).toEqual(dataLines(at("pg.jsonl.gz")));
        await expectOk(cms(["restore", at("pglite.jsonl.gz")], pgTarget), /Restored/);
        await expectOk(cms(["backup", at("pg-again.jsonl.gz")], pgTarget), /Backed up/);
        expect(dataLines(at("pg-again.jsonl.gz"))).toEqual(dataLines(at("pg.jsonl.gz")));
      } finally {
        for (const name of names) await admin(`drop database if exists ${name} with (force)`);
      }
    },
    600_000,
  );
});
