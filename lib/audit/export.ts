// The audit log as CSV for the audit administrator (等保 安全审计, issue 21
// item 7): every column, oldest first, with each row's place in the hash
// chain so the file can be checked on its own. UTF-8 with a BOM and CRLF
// lines (Excel on Chinese Windows); cells that a spreadsheet would run as a
// formula are prefixed with an apostrophe. The export itself is audited.
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, users } from "@/db/schema";
import { authorize, type Viewer } from "@/lib/auth/permissions";
import { AppError, invalidInput, msg } from "@/lib/errors";
import { recordAudit } from "./audit";
import { auditFilterConditions, auditFilterSchema, type AuditFilter } from "./audit-log";

/** The most rows one export holds; narrow the dates for more. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

export const AUDIT_CSV_HEADERS = ["id", "time_utc", "actor_id", "actor", "action", "target_type", "target_id", "ip", "user_agent", "details", "chain_seq", "prev_hash", "hash"] as const;

/** One CSV cell: quoted when needed, and never a formula (=, +, -, @, tab, CR at the start). */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? "" : typeof value === "string" ? value : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The filtered audit log as CSV (oldest first); records `audit.export` with the filter and the count. */
export async function exportAuditCsv(viewer: Viewer, filter: AuditFilter, request: { ip?: string; userAgent?: string } = {}): Promise<{ csv: Buffer; rows: number }> {
  authorize(viewer, "export:audit:any");
  const parsed = auditFilterSchema.omit({ before: true, limit: true }).safeParse(filter);
  if (!parsed.success) throw invalidInput(parsed.error, "api.filterInvalid");
  const f = parsed.data;
  const conditions = auditFilterConditions(f);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ entry: auditLog, actorName: users.name, actorEmail: users.email })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(and(...conditions))
      .orderBy(asc(auditLog.id))
      .limit(AUDIT_EXPORT_MAX_ROWS + 1);
    if (rows.length > AUDIT_EXPORT_MAX_ROWS) {
      throw new AppError("invalid", msg("audit.exportTooMany", { max: AUDIT_EXPORT_MAX_ROWS }), { from: ["audit.narrowDates"] });
    }
    const lines = [AUDIT_CSV_HEADERS.join(",")];
    for (const { entry: e, actorName, actorEmail } of rows) {
      const details = (e.details ?? null) as Record<string, unknown> | null;
      const userAgent = details && typeof details.userAgent === "string" ? details.userAgent : "";
      lines.push(
        [
          e.id,
          e.createdAt.toISOString(),
          e.actorId,
          actorName ? `${actorName} <${actorEmail}>` : "",
          e.action,
          e.targetType,
          e.targetId,
          e.ip,
          userAgent,
          details === null ? "" : JSON.stringify(details),
          e.chainSeq,
          e.prevHash,
          e.hash,
        ]
          .map(csvCell)
          .join(","),
      );
    }
    await recordAudit(tx, viewer, { action: "audit.export", ip: request.ip, details: { filter: f, rows: rows.length, userAgent: request.userAgent ?? "" } });
    const csv = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join("\r\n") + "\r\n", "utf8")]);
    return { csv, rows: rows.length };
  });
}
