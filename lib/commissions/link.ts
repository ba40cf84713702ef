// Which commission an article may answer: one addressed to the article's
// unit. Kept apart from commissions.ts so the article service can use it
// without importing the commission service (which uses the article's body
// rules for the brief).
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { commissionUnits, commissions } from "@/db/schema";
import { AppError } from "@/lib/errors";

/**
 * Throws 422 naming `commissionId` unless commission `commissionId` is
 * addressed to `unitId`. An unknown commission gets the same answer as one
 * addressed to other units: a unit learns nothing of commissions not its own.
 * A cancelled (撤销) commission takes no new answer: 422, saying so.
 */
export async function assertCommissionAddressed(tx: Db | Tx, commissionId: number, unitId: number): Promise<void> {
  const [row] = Number.isSafeInteger(commissionId) && commissionId > 0
    ? await tx
        .select({ id: commissionUnits.commissionId, cancelledAt: commissions.cancelledAt })
        .from(commissionUnits)
        .innerJoin(commissions, eq(commissions.id, commissionUnits.commissionId))
        .where(and(eq(commissionUnits.commissionId, commissionId), eq(commissionUnits.unitId, unitId)))
        .limit(1)
    : [];
  if (!row) throw new AppError("invalid", "commission.notForUnit", { commissionId: ["commission.notForUnitField"] });
  if (row.cancelledAt) throw new AppError("invalid", "commission.cancelledNoAnswer", { commissionId: ["commission.cancelledNoAnswerField"] });
}

/**
 * Whether commission `commissionId` was cancelled (撤销). A draft written for
 * it before the cancellation is submitted as an ordinary article
 * (lib/articles/mutations.ts): a cancelled commission takes no new answer.
 */
export async function isCommissionCancelled(tx: Db | Tx, commissionId: number): Promise<boolean> {
  const [row] = await tx.select({ cancelledAt: commissions.cancelledAt }).from(commissions).where(eq(commissions.id, commissionId)).limit(1);
  return Boolean(row?.cancelledAt);
}
