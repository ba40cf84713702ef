// Changing (修改) and cancelling (撤销) a commission, as an editor does in a
// real office: the title, brief, deadline and units addressed may change while
// the commission stands; a cancellation, with its reason, ends it. Both carry
// the version they were based on (a stale one is a 409 and changes nothing),
// both tell the units concerned, and both are audited in the same transaction.
// A cancelled commission keeps its row and its answers (the articles already
// written stay as they are); it leaves the units' desks, takes no new answer
// (lib/commissions/link.ts) and is not scored (lib/stats/follow-up.ts).
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { commissionUnits, commissions, notifications, users } from "@/db/schema";
import { authorize, type Viewer } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/audit";
import { AppError, msg } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import {
  assertDeadlineAhead,
  assertUnitsAddressable,
  COMMISSION_CANCEL_REASON_MAX,
  getCommission,
  newCommissionNotice,
  normalizeCommissionTitle,
  notifyUnits,
  parseDeadlineText,
  REMINDER_BEFORE_MS,
  resolveBrief,
  unitStatesOf,
  type CommissionCancel,
  type CommissionDetail,
  type CommissionUpdate,
} from "./commissions";

/** The commission's row, locked for the change; not found, cancelled (409) or a stale version (409) end it here. */
async function lockCurrent(tx: Tx, id: number, version: number) {
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError("not_found", "commission.notFound");
  const [row] = await tx
    .select({ id: commissions.id, title: commissions.title, deadline: commissions.deadline, version: commissions.version, cancelledAt: commissions.cancelledAt })
    .from(commissions)
    .where(eq(commissions.id, id))
    .for("update");
  if (!row) throw new AppError("not_found", "commission.notFound");
  if (row.cancelledAt) throw new AppError("conflict", "commission.cancelledNoChange");
  if (row.version !== version) throw new AppError("conflict", "commission.changedRefresh");
  return row;
}

/** Bumps the version if it is still `version` and the commission stands; zero rows is a conflict (nothing written). */
async function bumpVersion(tx: Tx, id: number, version: number, set: Partial<typeof commissions.$inferInsert>, now: Date): Promise<number> {
  const [saved] = await tx
    .update(commissions)
    .set({ ...set, version: sql`${commissions.version} + 1`, updatedAt: now })
    .where(and(eq(commissions.id, id), eq(commissions.version, version), isNull(commissions.cancelledAt)))
    .returning({ version: commissions.version });
  if (!saved) throw new AppError("conflict", "commission.changedRefresh");
  return saved.version;
}

/** When a unit's day-before reminder counts as sent: at once when the deadline is within a day (the notice says it), else not yet. */
const remindedAtFor = (deadline: Date, now: Date) => (deadline.getTime() - now.getTime() <= REMINDER_BEFORE_MS ? now : null);

/**
 * 修改约稿 (editors): the fields given change, the others stay. A deadline
 * that changes must be later than `now` (an unchanged one may have passed);
 * `unitIds` is the whole new list — units added are notified like at
 * creation, a unit that has already answered cannot be removed (422 naming
 * `unitIds`), and one removed is told it need not answer. Units whose
 * deadline moved are told the new one, and their reminder goes again for
 * it. Nothing changed: nothing written.
 */
export async function updateCommission(viewer: Viewer, id: number, input: CommissionUpdate, options: { now: Date }): Promise<CommissionDetail> {
  authorize(viewer, "manage:commission:any");
  const { now } = options;
  const title = input.title === undefined ? undefined : normalizeCommissionTitle(input.title);
  const brief = input.brief === undefined ? undefined : resolveBrief(input.brief);
  const requestedDeadline = input.deadline === undefined ? undefined : parseDeadlineText(input.deadline);
  const unitIds = input.unitIds === undefined ? undefined : [...new Set(input.unitIds)];
  if (unitIds && !unitIds.length) throw new AppError("invalid", "commission.unitsRequired", { unitIds: ["commission.unitsRequiredField"] });
  const db = await getDb();
  await db.transaction(async (tx) => {
    const current = await lockCurrent(tx, id, input.version);
    const deadline = requestedDeadline && requestedDeadline.getTime() !== current.deadline.getTime() ? assertDeadlineAhead(requestedDeadline, now) : undefined;
    const addressed = (await tx.select({ unitId: commissionUnits.unitId }).from(commissionUnits).where(eq(commissionUnits.commissionId, id))).map((r) => r.unitId);
    const added = unitIds ? unitIds.filter((u) => !addressed.includes(u)) : [];
    const removed = unitIds ? addressed.filter((u) => !unitIds.includes(u)) : [];
    await assertUnitsAddressable(tx, added);
    if (removed.length) {
      const states = (await unitStatesOf(tx, [current], now)).get(id) ?? [];
      const answered = states.find((s) => removed.includes(s.unitId) && s.status === "answered");
      if (answered) throw new AppError("invalid", "commission.unitAnswered", { unitIds: [msg("commission.unitAnsweredField", { unit: answered.unit })] });
    }
    const newTitle = title !== undefined && title !== current.title ? title : undefined;
    if (newTitle === undefined && brief === undefined && deadline === undefined && !added.length && !removed.length) return;

    const version = await bumpVersion(tx, id, input.version, { ...(newTitle !== undefined ? { title: newTitle } : {}), ...(brief ? { brief } : {}), ...(deadline ? { deadline } : {}) }, now);
    const effectiveDeadline = deadline ?? current.deadline;
    const effectiveTitle = newTitle ?? current.title;
    if (removed.length) {
      await tx.delete(commissionUnits).where(and(eq(commissionUnits.commissionId, id), inArray(commissionUnits.unitId, removed)));
      // Told under the title they were given; not linked, as they no longer see the commission — nor are their earlier notices of it.
      await tx
        .update(notifications)
        .set({ commissionId: null })
        .where(and(eq(notifications.commissionId, id), inArray(notifications.userId, tx.select({ id: users.id }).from(users).where(inArray(users.unitId, removed)))));
      await notifyUnits(tx, null, removed, "commission_removed", `约稿《${current.title}》已不再向本单位约稿，无需报送`);
    }
    const kept = addressed.filter((u) => !removed.includes(u));
    if (deadline && kept.length) {
      await tx
        .update(commissionUnits)
        .set({ remindedAt: remindedAtFor(deadline, now) })
        .where(and(eq(commissionUnits.commissionId, id), inArray(commissionUnits.unitId, kept)));
      await notifyUnits(tx, id, kept, "commission_changed", `约稿《${effectiveTitle}》的截止时间改为 ${formatDateTime(deadline)}`);
    }
    if (added.length) {
      await tx.insert(commissionUnits).values(added.map((unitId) => ({ commissionId: id, unitId, remindedAt: remindedAtFor(effectiveDeadline, now) })));
      await notifyUnits(tx, id, added, "commission", newCommissionNotice(effectiveTitle, effectiveDeadline));
    }
    await recordAudit(tx, viewer, {
      action: "commission.update",
      targetType: "commission",
      targetId: id,
      details: {
        version,
        ...(newTitle !== undefined ? { title: { from: current.title, to: newTitle } } : {}),
        ...(brief ? { brief: true } : {}),
        ...(deadline ? { deadline: { from: current.deadline.toISOString(), to: deadline.toISOString() } } : {}),
        ...(added.length ? { addedUnitIds: added } : {}),
        ...(removed.length ? { removedUnitIds: removed } : {}),
      },
    });
  });
  return getCommission(viewer, id, options);
}

/** The reason as stored: control characters dropped, trimmed; required, at most COMMISSION_CANCEL_REASON_MAX characters (422 naming `reason`). */
function normalizeCancelReason(raw: string): string {
  const reason = raw.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").trim();
  if (!reason) throw new AppError("invalid", "commission.cancelReasonRequired", { reason: ["commission.cancelReasonRequired"] });
  if ([...reason].length > COMMISSION_CANCEL_REASON_MAX) {
    const text = msg("commission.cancelReasonMaxChars", { max: COMMISSION_CANCEL_REASON_MAX });
    throw new AppError("invalid", text, { reason: [text] });
  }
  return reason;
}

/**
 * 撤销约稿 (editors), with the reason: the commission is shown as 已撤销 with
 * it, leaves the units' desks, takes no new answer and is not scored; every
 * addressed unit is told. Cancelling twice is a conflict.
 */
export async function cancelCommission(viewer: Viewer, id: number, input: CommissionCancel, options: { now: Date }): Promise<CommissionDetail> {
  authorize(viewer, "manage:commission:any");
  const reason = normalizeCancelReason(input.reason);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const current = await lockCurrent(tx, id, input.version);
    const version = await bumpVersion(tx, id, input.version, { cancelledAt: options.now, cancelReason: reason, cancelledById: viewer.kind === "user" ? viewer.id : null }, options.now);
    const addressed = (await tx.select({ unitId: commissionUnits.unitId }).from(commissionUnits).where(eq(commissionUnits.commissionId, id))).map((r) => r.unitId);
    await notifyUnits(tx, id, addressed, "commission_cancelled", `约稿《${current.title}》已撤销：${reason}`);
    await recordAudit(tx, viewer, { action: "commission.cancel", targetType: "commission", targetId: id, details: { version, reason } });
  });
  return getCommission(viewer, id, options);
}
