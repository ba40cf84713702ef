// Integration: a backup of the demo (plus images and awkward values) restores
// into a fresh database with every table identical, all or nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows, setDbHandle } from "@/db";
import { auditLog, media, units } from "@/db/schema";
import { loadDemo } from "@/lib/demo/load-demo";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { backupDatabase, backupTables, BackupError, latestMigration, readBackupHeader, restoreDatabase } from "./backup";
import { tableContents } from "./test-helpers";

let source: TestDb;
let target: TestDb;
let dir: string;
const file = (name: string) => path.join(dir, name);
const sourceDb = () => source.handle.db;
const targetDb = () => target.handle.db;

const everyByte = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
const bigImage = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(700_000, 0xab), everyByte]);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cms-backup-"));
  source = await createTestDb();
  await loadDemo({ password: "demo-password-1" });
  const db = sourceDb();
  await db.insert(media).values([
    { sha256: "a".repeat(64), mime: "image/png", size: everyByte.length, data: everyByte },
    { sha256: "b".repeat(64), mime: "image/png", size: bigImage.length, data: bigImage },
  ]);
  await db.insert(units).values({ name: `引号"与\\反斜杠\n换行 😀 ${"长".repeat(3000)}`, shortName: null, active: false });
  // jsonb numbers beyond a double and a timestamp with microseconds survive only a text-exact dump.
  await db.execute(
    sql`insert into audit_log (action, details, created_at) values ('test.precision', '{"n": 12345678901234567890.123456789, "s": "\\u00e9\\u4e2d"}'::jsonb, '2017-08-17 10:12:00.123456+08')`,
  );
  await db.insert(auditLog).values({ action: "test.null-details", details: null });
  target = await createTestDb(); // now the process-wide database; the tests name both explicitly
});

afterAll(async () => {
  for (const t of [source, target]) {
    if (!t) continue;
    setDbHandle(t.handle);
    await t.drop();
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe(`backup and restore (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("lists every table of the schema, parents before children", () => {
    const names = backupTables().map((t) => t.name);
    expect(names).toHaveLength(27);
    const before = (a: string, b: string) => expect(names.indexOf(a)).toBeLessThan(names.indexOf(b));
    before("units", "users");
    before("users", "articles");
    before("issues", "sections");
    before("sections", "placements");
    before("issue_snapshots", "corrections");
    // 约稿: an article may answer a commission, so commissions come first.
    before("commissions", "articles");
    before("commissions", "commission_units");
    // 批示 (issue 16): the instruction, its feedback, then the files of either.
    before("articles", "instructions");
    before("instructions", "instruction_feedback");
    before("instruction_feedback", "instruction_files");
    before("articles", "adoptions");
    expect(backupTables().find((t) => t.name === "media")?.byteaColumns).toEqual(["data"]);
    expect(backupTables().find((t) => t.name === "instruction_files")?.byteaColumns).toEqual(["data"]);
  });

  it("writes a header with the migration and the row counts, and no temporary file", async () => {
    const header = await backupDatabase(sourceDb(), file("demo.jsonl.gz"));
    expect(header).toMatchObject({ format: "bulletin-cms-backup", version: 1, migration: latestMigration().tag });
    expect(header.tables).toMatchObject({ users: 6, publications: 1, media: 2, issues: 1 });
    expect(header.tables.articles).toBeGreaterThan(0);
    expect(header.tables.search_documents).toBe(header.tables.articles);
    const { bytes, ...written } = header;
    expect(bytes).toBeGreaterThan(1000);
    expect(await readBackupHeader(file("demo.jsonl.gz"))).toEqual(written);
    expect(fs.readdirSync(dir)).toEqual(["demo.jsonl.gz"]);

    const lines = gunzipSync(fs.readFileSync(file("demo.jsonl.gz"))).toString("utf8").trimEnd().split("\n");
    const rows = lines.slice(1).filter((l) => !l.startsWith('{"table":'));
    expect(rows).toHaveLength(Object.values(header.tables).reduce((a, b) => a + b, 0));
    const image = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((r) => r.sha256 === "a".repeat(64));
    expect(Buffer.from(image!.data as string, "base64")).toEqual(everyByte);
    expect(image!.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00$/);
  });

  it("restores into a fresh database with every table identical, and new rows get fresh ids", async () => {
    await restoreDatabase(targetDb(), file("demo.jsonl.gz"));
    expect(await tableContents(targetDb())).toEqual(await tableContents(sourceDb()));
    const [maxUnit] = await executeRows<{ max: number }>(sourceDb(), sql`select max(id) as max from units`);
    const [unit] = await targetDb().insert(units).values({ name: "新单位" }).returning();
    expect(unit!.id).toBe(Number(maxUnit!.max) + 1);
    const [entry] = await targetDb().insert(auditLog).values({ action: "test.after-restore" }).returning();
    const [maxAudit] = await executeRows<{ max: string | number }>(sourceDb(), sql`select max(id) as max from audit_log`);
    expect(entry!.id).toBe(Number(maxAudit!.max) + 1);
  });

  it("refuses a database that has data, and --force replaces it exactly", async () => {
    const before = await tableContents(targetDb());
    await expect(restoreDatabase(targetDb(), file("demo.jsonl.gz"))).rejects.toThrow(/not empty \(data in units, publications, users, .*--force/);
    expect(await tableContents(targetDb())).toEqual(before);
    await restoreDatabase(targetDb(), file("demo.jsonl.gz"), { force: true });
    expect(await tableContents(targetDb())).toEqual(await tableContents(sourceDb()));
  });

  describe("a bad file fails with a clear message and leaves the database untouched", () => {
    const gz = () => fs.readFileSync(file("demo.jsonl.gz"));
    const lines = () => gunzipSync(gz()).toString("utf8").split("\n");
    const bad: [string, () => Buffer, RegExp][] = [
      ["truncated", () => gz().subarray(0, Math.floor(gz().length * 0.9)), /damaged or truncated \(gzip: unexpected end of file\)/],
      [
        "with flipped bytes",
        () => {
          const b = Buffer.from(gz());
          for (let i = 0; i < 16; i++) b[Math.floor(b.length / 2) + i]! ^= 0x5a;
          return b;
        },
        /is damaged/,
      ],
      ["not gzip", () => Buffer.from("units,users\n"), /damaged or truncated \(gzip: incorrect header check\)/],
      ["not a backup", () => gzipSync('{"hello":"world"}\n'), /is not a backup of this CMS/],
      ["empty", () => gzipSync(""), /is empty/],
      [
        "from another migration",
        () => gzipSync(lines().map((l, i) => (i === 0 ? l.replace(/"migration":"[^"]+"/, '"migration":"0099_future"') : l)).join("\n")),
        /at migration 0099_future; this app is at /,
      ],
      ["cut at a line", () => gzipSync(lines().slice(0, -40).join("\n")), /ends early \(truncated\?\)/],
      [
        // issue_snapshots comes late: most tables are inserted before it fails, and all of it rolls back.
        "with a row the database rejects",
        () => {
          const l = lines();
          const at = l.findIndex((x) => x.startsWith('{"table":"issue_snapshots"')) + 1;
          l[at] = l[at]!.replace(/"created_at":"[^"]+"/, '"created_at":"2017-13-45T00:00:00+00:00"');
          return gzipSync(l.join("\n"));
        },
        /Rows of issue_snapshots on lines \d+–\d+ of the backup cannot be restored \(date\/time field value out of range/,
      ],
      [
        "with a row of the wrong shape",
        () => gzipSync(lines().map((l) => (l.includes('"sha256":"aaaa') ? l.replace('"mime"', '"kind"') : l)).join("\n")),
        /line \d+ is not a row of media/,
      ],
    ];
    for (const [what, make, message] of bad) {
      it(`${what}`, async () => {
        const before = await tableContents(targetDb());
        fs.writeFileSync(file("bad.jsonl.gz"), make());
        const restoring = restoreDatabase(targetDb(), file("bad.jsonl.gz"), { force: true });
        await expect(restoring).rejects.toThrow(BackupError);
        await expect(restoring).rejects.toThrow(message);
        expect(await tableContents(targetDb())).toEqual(before);
      });
    }
  });

  it("a missing file is a clear error", async () => {
    await expect(restoreDatabase(targetDb(), file("nope.jsonl.gz"))).rejects.toThrow(/Cannot read .*nope\.jsonl\.gz: no such file/);
  });

  it("overwrites an older backup only once the new one is complete", async () => {
    fs.writeFileSync(file("old.jsonl.gz"), "old");
    await backupDatabase(sourceDb(), file("old.jsonl.gz"));
    expect((await readBackupHeader(file("old.jsonl.gz"))).tables.users).toBe(6);
    await expect(backupDatabase(sourceDb(), path.join(dir, "missing-dir", "x.jsonl.gz"))).rejects.toThrow(/ENOENT/);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
});
