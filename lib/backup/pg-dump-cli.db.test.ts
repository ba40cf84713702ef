// The pg_dump form end to end through the real CLI (`scripts/cms.ts backup|restore
// --pg-dump`) and the real pg_dump / pg_restore: the demo (plus awkward values)
// dumped from one fresh PostgreSQL database restores into another, fresh and
// empty, with every row the same. Fake client tools on PATH check the exact
// arguments (no password on a command line) and the version-mismatch message.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows, setDbHandle, type Db } from "@/db";
import { media, units } from "@/db/schema";
import { loadDemo } from "@/lib/demo/load-demo";
import { createPgDatabase, createTestDb, type TestDb } from "@/testing/test-db";
import { PG_DUMP_ARGS, PG_RESTORE_ARGS, pgToolTarget, withPgDb } from "./pg-dump";
import { dataLines, runCms, tableContents, type CmsResult } from "./test-helpers";

const serverUrl = process.env.DATABASE_URL;
let tmp: string;
const at = (name: string) => path.join(tmp, name);
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cms-pg-dump-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A directory holding one fake client tool (a shell script), to put on PATH instead of the real ones. */
function fakeTool(name: "pg_dump" | "pg_restore", script: string): string {
  const dir = fs.mkdtempSync(path.join(tmp, "bin-"));
  fs.writeFileSync(path.join(dir, name), `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  return dir;
}

/** A fake tool that records its arguments and PGPASSWORD, creates the --file it is given and succeeds. */
function recordingTool(name: "pg_dump" | "pg_restore") {
  const log = path.join(tmp, `${name}.log`);
  const dir = fakeTool(
    name,
    `printf '%s\\n' "$@" > '${log}'; printf 'PGPASSWORD=%s\\n' "$PGPASSWORD" >> '${log}'
for a in "$@"; do case "$a" in --file=*) printf fake > "\${a#--file=}";; --list) echo '1; 0 0 SCHEMA - drizzle';; esac; done`,
  );
  return { dir, logged: () => fs.readFileSync(log, "utf8").trimEnd().split("\n") };
}

const noTmpFiles = () => expect(fs.readdirSync(tmp).filter((n) => n.endsWith(".tmp"))).toEqual([]);

// No server of DATABASE_URL's (none, a refused one, a fake pg_dump): once per CI run (vitest.config.mts).
describe.skipIf(Boolean(process.env.CMS_DB_ONLY))("npm run cms -- backup|restore --pg-dump, without a server", () => {
  it("refuses without DATABASE_URL (exit 2, says what to do) and rejects misplaced options", async () => {
    for (const verb of ["backup", "restore"]) {
      const result = await runCms([verb, "--pg-dump", at("x.dump")], { DATABASE_URL: undefined, DATA_DIR: at("unused") });
      expect(result.code, verb).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^error: ${verb} --pg-dump needs PostgreSQL: set DATABASE_URL\\..*without --pg-dump`));
    }
    for (const args of [["backup", "--pg-dump", at("x.dump"), "--force"], ["user", "passwd", "--email", "a@b.c", "--pg-dump"], ["backup", "--pg-dump"]]) {
      const result = await runCms(args, { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toContain("Usage: npm run cms");
    }
    expect(fs.existsSync(at("x.dump")) || fs.existsSync(at("unused"))).toBe(false);
  });

  it("takes the password out of the URL into PGPASSWORD", () => {
    expect(pgToolTarget("postgres://ops:s%3Acr%40t@db.example:5433/cms?sslmode=require")).toEqual({
      dbname: "postgres://ops@db.example:5433/cms?sslmode=require",
      env: { PGPASSWORD: "s:cr@t" },
      database: "cms",
    });
    expect(pgToolTarget("postgresql://ops@localhost/cms")).toEqual({ dbname: "postgresql://ops@localhost/cms", env: {}, database: "cms" });
    expect(() => pgToolTarget("mysql://x@y/z")).toThrow(/needs postgres:\/\/ or postgresql:\/\//);
  });

  it("runs pg_dump with an argument array: custom format, no owners or grants, no password on the command line", async () => {
    const tool = recordingTool("pg_dump");
    const result = await runCms(["backup", "--pg-dump", at("fake.dump")], { DATABASE_URL: "postgres://ops:s%3Acret@db.example:5433/cms", PATH: tool.dir });
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(result.stdout).toMatch(/^Backed up database cms with pg_dump \(custom format\) to .*fake\.dump \(4 bytes\)/);
    const [format, owner, privileges, file, dbname, password] = tool.logged();
    expect([format, owner, privileges]).toEqual(PG_DUMP_ARGS);
    expect(file).toMatch(/^--file=.*\.fake\.dump\.\d+\.[0-9a-f]+\.tmp$/); // renamed once complete
    expect([dbname, password]).toEqual(["--dbname=postgres://ops@db.example:5433/cms", "PGPASSWORD=s:cret"]);
    expect(fs.readFileSync(at("fake.dump"), "utf8")).toBe("fake");
    noTmpFiles();
  });
});

describe.skipIf(!serverUrl)("npm run cms -- backup|restore --pg-dump on PostgreSQL (skipped: set DATABASE_URL to a PostgreSQL server to run)", () => {
  let source: TestDb;
  const dropped: (() => Promise<void>)[] = [];
  let backedUp: CmsResult;
  const pg = (url: string) => ({ DATABASE_URL: url });

  /** A new, empty database (not even migrated), dropped after the tests. */
  async function emptyDatabase(): Promise<string> {
    const database = await createPgDatabase(serverUrl!, "cms_test_pgdump");
    dropped.push(database.drop);
    return database.url;
  }
  const contentsAt = (url: string) => withPgDb(url, tableContents);
  const sequences = (db: Db) => executeRows(db, sql`select schemaname, sequencename, last_value from pg_sequences order by 1, 2`);
  const objectCount = (url: string) =>
    withPgDb(url, async (db) => (await executeRows<{ n: string }>(db, sql`select count(*) as n from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname in ('public', 'drizzle')`))[0]!.n);

  async function expectOk(run: Promise<CmsResult>, output: RegExp) {
    const result = await run;
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(output);
  }

  beforeAll(async () => {
    source = await createTestDb();
    await loadDemo({ password: "demo-password-1" }); // the published 2017年第88期: issue, snapshot, articles
    const db = source.handle.db;
    const everyByte = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    await db.insert(media).values({ sha256: "c".repeat(64), mime: "image/png", size: everyByte.length, data: everyByte });
    await db.insert(units).values({ name: `引号"与\\反斜杠\n换行 😀`, shortName: null, active: false });
    await db.execute(
      sql`insert into audit_log (action, details, created_at) values ('test.precision', '{"n": 12345678901234567890.123456789}'::jsonb, '2017-08-17 10:12:00.123456+08')`,
    );
    backedUp = await runCms(["backup", "--pg-dump", at("demo.dump")], pg(source.url!));
  });

  afterAll(async () => {
    for (const drop of dropped) await drop();
    if (source) {
      setDbHandle(source.handle);
      await source.drop();
    }
  });

  it("backup --pg-dump writes a pg_dump custom-format archive that pg_restore lists", async () => {
    expect(backedUp.stderr).toBe("");
    expect(backedUp.code).toBe(0);
    expect(backedUp.stdout).toMatch(/^Backed up database cms_test_\w+ with pg_dump \(custom format\) to .*demo\.dump \(\d+ bytes\)/);
    expect(fs.readFileSync(at("demo.dump")).subarray(0, 5).toString()).toBe("PGDMP");
    noTmpFiles();
  });

  it("restore --pg-dump into a fresh empty database: the same published issues and articles, every table row by row, and the same logical backup", async () => {
    const target = await emptyDatabase();
    await expectOk(runCms(["restore", "--pg-dump", at("demo.dump")], pg(target)), /^Restored \d+ archive entries from .*demo\.dump into database cms_test_pgdump_\w+ with pg_restore, in one transaction/);

    const [restored, original] = [await contentsAt(target), await tableContents(source.handle.db)];
    for (const table of ["issues", "issue_snapshots", "articles"]) {
      expect(restored[table]!.length, table).toBeGreaterThan(0);
      expect(restored[table], table).toEqual(original[table]);
    }
    expect(restored.issues!.some((row) => row.includes("published"))).toBe(true);
    expect(restored).toEqual(original);
    expect(await withPgDb(target, sequences)).toEqual(await sequences(source.handle.db));

    await expectOk(runCms(["backup", at("original.jsonl.gz")], pg(source.url!)), /Backed up/);
    await expectOk(runCms(["backup", at("restored.jsonl.gz")], pg(target)), /Backed up/);
    expect(dataLines(at("restored.jsonl.gz"))).toEqual(dataLines(at("original.jsonl.gz")));
  });

  it("refuses a database that holds anything (exit 1, nothing changes); --force replaces what the archive holds", async () => {
    const target = await emptyDatabase();
    await expectOk(runCms(["restore", "--pg-dump", at("demo.dump")], pg(target)), /Restored/);
    await withPgDb(target, (db) => db.insert(units).values({ name: "恢复后新增" }));
    const before = await contentsAt(target);

    const refused = await runCms(["restore", "--pg-dump", at("demo.dump")], pg(target));
    expect(refused.code).toBe(1);
    // The first tables in name order, then how many more (the list grows with the schema).
    expect(refused.stderr).toMatch(/^error: The database cms_test_pgdump_\w+ is not empty \(table drizzle\.__drizzle_migrations, table public\.\w+, .* and \d+ more\); nothing was restored\..*--force/);
    expect(await contentsAt(target)).toEqual(before);

    await expectOk(runCms(["restore", "--pg-dump", at("demo.dump"), "--force"], pg(target)), /Restored/);
    expect(await contentsAt(target)).toEqual(await tableContents(source.handle.db));
  });

  it("a damaged file fails with a clear message and leaves the target as it was", async () => {
    const dump = fs.readFileSync(at("demo.dump"));
    fs.writeFileSync(at("garbage.dump"), "not an archive\n");
    // The table of contents is whole, the data is not: the archive ends in the middle of its last data block
    // (a cut at a fixed share of the file moved into the table of contents as the schema grew).
    fs.writeFileSync(at("cut.dump"), dump.subarray(0, dump.length - 16));
    const full = await emptyDatabase();
    await expectOk(runCms(["restore", "--pg-dump", at("demo.dump")], pg(full)), /Restored/);
    const before = await contentsAt(full);
    const empty = await emptyDatabase();
    const cases: [string, string, RegExp][] = [
      [full, "garbage.dump", /is not a pg_dump archive that pg_restore can read \(error: input file does not appear to be a valid archive.*\); nothing was restored/],
      [full, "cut.dump", /^error: pg_restore failed \(exit code 1\): .*; it ran in one transaction, so nothing was restored/],
      [empty, "cut.dump", /^error: pg_restore failed \(exit code 1\)/],
      [full, "missing.dump", /^error: Cannot read .*missing\.dump: no such file/],
    ];
    for (const [target, file, message] of cases) {
      const result = await runCms(["restore", "--pg-dump", at(file), "--force"], pg(target));
      expect(result.code, file).toBe(1);
      expect(result.stderr, file).toMatch(message);
    }
    expect(await contentsAt(full)).toEqual(before);
    expect(await objectCount(empty)).toBe("0");
  });

  it("names the package when the tools are missing, and the versions when pg_dump refuses the server's", async () => {
    const noTools = fs.mkdtempSync(path.join(tmp, "empty-bin-"));
    const missingDump = await runCms(["backup", "--pg-dump", at("never.dump")], { ...pg(source.url!), PATH: noTools });
    expect([missingDump.code, missingDump.stderr]).toEqual([1, expect.stringMatching(/^error: pg_dump is not installed .*apt-get install postgresql-client/)]);
    const missingRestore = await runCms(["restore", "--pg-dump", at("demo.dump")], { ...pg(source.url!), PATH: noTools });
    expect([missingRestore.code, missingRestore.stderr]).toEqual([1, expect.stringMatching(/^error: pg_restore is not installed .*postgresql-client/)]);

    const [server] = await executeRows<{ server_version: string }>(source.handle.db, sql`show server_version`);
    const major = Number(/^\d+/.exec(server!.server_version)![0]);
    const old = fakeTool(
      "pg_dump",
      `if [ "$1" = --version ]; then echo "pg_dump (PostgreSQL) ${major - 1}.4"; exit 0; fi
echo "pg_dump: error: aborting because of server version mismatch" >&2
echo "pg_dump: detail: server version: ${server!.server_version}; pg_dump version: ${major - 1}.4" >&2
exit 1`,
    );
    const mismatch = await runCms(["backup", "--pg-dump", at("never.dump")], { ...pg(source.url!), PATH: old });
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toContain(
      `error: pg_dump failed (exit code 1): the server runs PostgreSQL ${server!.server_version}, but pg_dump is version ${major - 1}.4: pg_dump must be of the server's major version (${major}) or newer. Install postgresql-client-${major}`,
    );
    expect(fs.existsSync(at("never.dump"))).toBe(false);
    noTmpFiles();
  });

  it("runs pg_restore in one transaction, without owners or grants, --clean --if-exists only with --force", async () => {
    const tool = recordingTool("pg_restore");
    const target = await emptyDatabase();
    for (const force of [false, true]) {
      await expectOk(runCms(["restore", "--pg-dump", at("demo.dump"), ...(force ? ["--force"] : [])], { ...pg(target), PATH: tool.dir }), /Restored 1 archive entries/);
      const dbname = `--dbname=${pgToolTarget(target).dbname}`;
      expect(tool.logged()).toEqual([...PG_RESTORE_ARGS, ...(force ? ["--clean", "--if-exists"] : []), dbname, at("demo.dump"), "PGPASSWORD="]);
    }
  });
});
