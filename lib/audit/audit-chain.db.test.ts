// Integration (issue 21, 等保 安全审计): the audit log refuses UPDATE and DELETE
// at the database level, and its hash chain shows a row changed behind the
// trigger's back — on PGlite and on PostgreSQL.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows, getDb } from "@/db";
import { systemViewer } from "@/lib/auth/permissions";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { recordAudit } from "./audit";
import { verifyAuditChain } from "./verify";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb?.drop());

describe("audit log", () => {
  it("chains every row, refuses UPDATE and DELETE, and verify names the first row changed behind its back", async () => {
    const db = await getDb();
    const system = systemViewer("test");
    for (let i = 0; i < 5; i++) await recordAudit(db, system, { action: "demo.load", targetType: "issue", targetId: i, details: { i, 文: "中" } });
    // Concurrent writers still make one chain.
    await Promise.all(Array.from({ length: 6 }, (_, i) => db.transaction((tx) => recordAudit(tx, system, { action: "media.upload", targetId: i }))));
    const before = await verifyAuditChain(db);
    expect(before).toMatchObject({ ok: true });
    expect(before.rows).toBeGreaterThanOrEqual(11);

    await expect(db.execute(sql`update audit_log set action = 'x' where action = 'demo.load'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log where action = 'demo.load'`)).rejects.toThrow();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });

    // Someone with the owner's rights drops the trigger and edits a row: the chain breaks there.
    const [victim] = await executeRows<{ id: number | string; details: string }>(
      db,
      sql`select id, details::text as details from audit_log where action = 'demo.load' order by chain_seq offset 2 limit 1`,
    );
    await db.execute(sql`drop trigger audit_log_append_only on audit_log`);
    try {
      await db.execute(sql`update audit_log set details = '{"i": 99}'::jsonb where id = ${victim!.id}`);
      const after = await verifyAuditChain(db, 4);
      expect(after).toMatchObject({ ok: false, firstBroken: { id: Number(victim!.id), reason: expect.stringMatching(/changed/) } });

      // A deleted row is found too (the next one no longer links to its predecessor).
      await db.execute(sql`update audit_log set details = ${victim!.details}::jsonb where id = ${victim!.id}`);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
      await db.execute(sql`delete from audit_log where id = ${victim!.id}`);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBroken: { reason: expect.stringMatching(/missing/) } });
    } finally {
      await db.execute(sql`create trigger audit_log_append_only before update or delete on audit_log for each row execute function cms_audit_append_only()`);
    }
  });
});
