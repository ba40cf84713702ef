// The audit log: every state change, who and when. Written inside the same
// transaction as the change it records.
import { auditLog } from "@/db/schema";
import type { Db, Tx } from "@/db";
import type { Viewer } from "@/lib/auth/permissions";
import type { AuditAction, AuditTargetType } from "./actions";

export interface AuditEntry {
  /** One of AUDIT_ACTIONS: each has a label in both languages. */
  action: AuditAction;
  targetType?: AuditTargetType;
  targetId?: string | number;
  details?: Record<string, unknown>;
  ip?: string;
}

export async function recordAudit(tx: Db | Tx, viewer: Viewer, entry: AuditEntry) {
  await recordAuditFor(tx, viewer.kind === "user" ? viewer.id : null, viewer, entry);
}

/** The same for an actor known only by id (a refusal recorded where the viewer is gone). */
export async function recordAuditFor(tx: Db | Tx, actorId: number | null, viewer: Viewer, entry: AuditEntry) {
  await tx.insert(auditLog).values({
    actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId === undefined ? null : String(entry.targetId),
    details: viewer.kind === "system" ? { ...entry.details, system: viewer.purpose } : (entry.details ?? null),
    ip: entry.ip,
  });
}
