// Checks the audit log's hash chain (drizzle/0008_audit_append_only.sql): each
// row's hash is recomputed by the same database function the insert trigger
// used, and each row must carry the previous row's hash. The first row that
// does not fit is named: a row changed, deleted or inserted behind the
// append-only trigger's back (with the trigger dropped) breaks it there.
import { sql } from "drizzle-orm";
import { executeRows, type Db } from "@/db";

export interface AuditVerifyResult {
  ok: boolean;
  rows: number;
  firstBroken?: { id: number; chainSeq: number | null; reason: string };
}

interface ChainRow {
  id: string | number;
  chain_seq: string | number | null;
  prev_hash: string | null;
  hash: string | null;
  expected: string | null;
}

/** Walks the whole chain in order, in pages; stops at the first broken row. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<AuditVerifyResult> {
  const [unchained] = await executeRows<{ id: string | number }>(db, sql`select id from audit_log where chain_seq is null order by id limit 1`);
  let rows = 0;
  let prevHash = "";
  let prevSeq = 0;
  for (;;) {
    const page = await executeRows<ChainRow>(
      db,
      sql`select a.id, a.chain_seq, a.prev_hash, a.hash, cms_audit_hash(a.prev_hash, a.chain_seq, a) as expected
          from audit_log a where a.chain_seq > ${prevSeq} order by a.chain_seq limit ${pageSize}`,
    );
    for (const r of page) {
      const seq = Number(r.chain_seq);
      const broken = (reason: string): AuditVerifyResult => ({ ok: false, rows, firstBroken: { id: Number(r.id), chainSeq: seq, reason } });
      if (seq !== prevSeq + 1) return broken(`chain_seq ${seq} follows ${prevSeq}: a row is missing`);
      if ((r.prev_hash ?? "") !== prevHash) return broken("prev_hash is not the previous row's hash (a row was removed or replaced)");
      if (r.hash !== r.expected) return broken("hash does not match the row's content (the row was changed)");
      prevHash = r.hash ?? "";
      prevSeq = seq;
      rows++;
    }
    if (page.length < pageSize) break;
  }
  if (unchained) return { ok: false, rows, firstBroken: { id: Number(unchained.id), chainSeq: null, reason: "row without a place in the chain (inserted with the trigger off)" } };
  return { ok: true, rows };
}
