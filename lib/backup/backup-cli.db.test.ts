// End to end through the real CLI (`scripts/cms.ts backup|restore`) in child
// processes: PGlite data directories in temporary folders, and — when
// DATABASE_URL is set — PostgreSQL databases, across the two drivers. What it
// refuses is in backup-cli-refusals.db.test.ts (a file of its own, so the two
// run side by side).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { backupTables } from "./backup";
import { cliSandbox, dataLines } from "./test-helpers";

const { at, cms, expectOk, populate, dir } = cliSandbox();
/** Every table of the schema (backup.db.test.ts checks the list). */
const TABLES = backupTables().length;

describe("npm run cms -- backup|restore", () => {
  // PGlite data directories only, whatever DATABASE_URL says: once per CI run (vitest.config.mts).
  it.skipIf(Boolean(process.env.CMS_DB_ONLY))(
    "PGlite: backs up, restores into an empty directory identically, refuses a non-empty one unless --force",
    async () => {
      const source = { DATA_DIR: at("source") };
      const copy = { DATA_DIR: at("copy") };
      await populate(source);
      await expectOk(cms(["backup", at("one.jsonl.gz")], source), new RegExp(`Backed up \\d+ rows of ${TABLES} tables to .*one\\.jsonl\\.gz`));
      expect(fs.readdirSync(dir()).filter((n) => n.endsWith(".tmp"))).toEqual([]);

      await expectOk(cms(["restore", at("one.jsonl.gz")], copy), new RegExp(`Restored \\d+ rows of ${TABLES} tables .*row counts match the backup`));
      const again = await cms(["restore", at("one.jsonl.gz")], copy);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/^error: The database is not empty \(data in users, api_tokens, audit_log\).*--force/);
      await expectOk(cms(["restore", at("one.jsonl.gz"), "--force"], copy), /Restored/);

      await expectOk(cms(["backup", at("two.jsonl.gz")], copy), /Backed up/);
      expect(dataLines(at("two.jsonl.gz"))).toEqual(dataLines(at("one.jsonl.gz")));
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
