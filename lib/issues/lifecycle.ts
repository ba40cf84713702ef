// What sends an issue out, and takes it back: the pre-publish checks,
// publishing (after 签发 where required), 定时发布 and the scheduler's run,
// withdrawal and restore. The publish itself is publish.ts; assembly is
// assembly.ts. Inputs arrive parsed by the route's schema (schemas.ts).
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { issues } from "@/db/schema";
import { authorize, type Viewer } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/audit";
import { AppError, msg } from "@/lib/errors";
import { assertChecksPass, checkIssueInTx, type IssueCheck } from "./checks";
import { loadIssue } from "./load";
import { publishIssueInTx } from "./publish";
import type { ScheduleInput, WithdrawInput } from "./schemas";
import { assertSignedInTx, recordIssueEvent, signatureProblemInTx, voidSignoffInTx } from "./signoff";

/** The checks shown before publishing; publishing refuses while any fails. */
export async function checkIssue(viewer: Viewer, id: number): Promise<IssueCheck[]> {
  authorize(viewer, "read:issue:any");
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError("not_found", "issue.notFound");
  const db = await getDb();
  return db.transaction((tx) => checkIssueInTx(tx, id));
}

/** Publishes a signed issue (or any, where no 签发 is required) after the checks pass. */
export async function publishCheckedIssue(viewer: Viewer, id: number): Promise<{ publishedAt: string }> {
  authorize(viewer, "publish:issue:any");
  const db = await getDb();
  return voidingChangedSignature(viewer, id, () =>
    db.transaction(async (tx) => {
      const { issue, publication } = await loadIssue(tx, id, true);
      if (issue.status === "published" || issue.status === "withdrawn") throw new AppError("conflict", msg("issue.cannotPublish", { status: issue.status }));
      await assertSignedInTx(tx, issue, publication);
      await assertChecksPass(tx, id);
      return publishIssueInTx(tx, viewer, id);
    }),
  );
}

/**
 * A signature found not to cover the content any more (refused with 409
 * not_signed) is voided once the refusing transaction has rolled back, so
 * the board shows a draft to request sign-off for again.
 */
async function voidingChangedSignature<T>(viewer: Viewer, id: number, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof AppError && e.code === "not_signed" && e.details?.reason === "content_changed") {
      const db = await getDb();
      await db.transaction((tx) => voidSignoffInTx(tx, viewer, id, "签发后内容已变化"));
    }
    throw e;
  }
}

/** How far in the past a 定时发布 time may be and still count as "now" (the current minute, with time to click). */
export const SCHEDULE_GRACE_MS = 3 * 60_000;

/** Schedules publication at a time; the app's own scheduler publishes it then. */
export async function scheduleIssue(viewer: Viewer, id: number, input: ScheduleInput): Promise<{ id: number; scheduledAt: string }> {
  authorize(viewer, "publish:issue:any");
  const at = new Date(input.at);
  // The form picks whole minutes: the current minute, chosen and sent a few
  // seconds later, is "now", not the past. It publishes at the next tick.
  if (at.getTime() < Date.now() - SCHEDULE_GRACE_MS) throw new AppError("invalid", "issue.timePassed", { at: ["issue.chooseFuture"] });
  const db = await getDb();
  return voidingChangedSignature(viewer, id, () =>
    db.transaction(async (tx) => {
      const { issue, publication } = await loadIssue(tx, id, true);
      if (issue.status === "published" || issue.status === "withdrawn") throw new AppError("conflict", "issue.onlyUnpublishedSchedule");
      await assertSignedInTx(tx, issue, publication);
      await assertChecksPass(tx, id);
      const [row] = await tx
        .update(issues)
        .set({ status: "scheduled", scheduledAt: at, version: sql`${issues.version} + 1`, updatedAt: new Date() })
        .where(and(eq(issues.id, id), inArray(issues.status, ["draft", "signed", "scheduled"])))
        .returning();
      if (!row) throw new AppError("conflict", "issue.scheduleStatuses");
      await recordIssueEvent(tx, viewer, id, { type: "scheduled", from: issue.status, to: "scheduled", comment: at.toISOString() });
      await recordAudit(tx, viewer, { action: "issue.schedule", targetType: "issue", targetId: id, details: { at: at.toISOString() } });
      return { id, scheduledAt: at.toISOString() };
    }),
  );
}

/** Cancels a 定时发布: a signed issue stays signed, any other goes back to draft. */
export async function cancelSchedule(viewer: Viewer, id: number): Promise<{ id: number; status: "draft" | "signed" }> {
  authorize(viewer, "publish:issue:any");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(issues)
      .set({ status: sql`case when ${issues.signedHash} is null then 'draft' else 'signed' end`, scheduledAt: null, version: sql`${issues.version} + 1`, updatedAt: new Date() })
      .where(and(eq(issues.id, id), eq(issues.status, "scheduled")))
      .returning({ id: issues.id, status: issues.status });
    if (!row) throw new AppError("conflict", "issue.notScheduled");
    const status = row.status === "signed" ? ("signed" as const) : ("draft" as const);
    await recordIssueEvent(tx, viewer, id, { type: "unscheduled", from: "scheduled", to: status });
    await recordAudit(tx, viewer, { action: "issue.unschedule", targetType: "issue", targetId: id });
    return { id, status };
  });
}

/**
 * Publishes every scheduled issue whose time has come. Safe with several app
 * instances on one database: each due issue is claimed with SKIP LOCKED and
 * published by a conditional update, so it is published exactly once.
 */
export async function runDueSchedules(viewer: Viewer, now = new Date()): Promise<number[]> {
  authorize(viewer, "publish:issue:any");
  const db = await getDb();
  const published: number[] = [];
  for (;;) {
    const id = await db.transaction(async (tx) => {
      const [due] = await tx
        .select({ id: issues.id })
        .from(issues)
        .where(and(eq(issues.status, "scheduled"), sql`${issues.scheduledAt} <= ${now.toISOString()}::timestamptz`))
        .orderBy(asc(issues.scheduledAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!due) return null;
      // Not signed (or changed since): it goes back to draft instead of out, recorded.
      const { issue, publication } = await loadIssue(tx, due.id);
      const problem = await signatureProblemInTx(tx, issue, publication);
      if (problem) {
        if (!(await voidSignoffInTx(tx, viewer, due.id, `定时发布已取消：${problem.message}`))) {
          await tx.update(issues).set({ status: "draft", scheduledAt: null, version: sql`${issues.version} + 1`, updatedAt: new Date() }).where(eq(issues.id, due.id));
          await recordIssueEvent(tx, viewer, due.id, { type: "unscheduled", from: "scheduled", to: "draft", comment: problem.message });
          await recordAudit(tx, viewer, { action: "issue.unschedule", targetType: "issue", targetId: due.id, details: { reason: problem.message } });
        }
        return { id: due.id, published: false };
      }
      // The scheduled time is the publication time unless the editor set one.
      await publishIssueInTx(tx, viewer, due.id, { atScheduledTime: true });
      return { id: due.id, published: true };
    });
    if (id === null) return published;
    if (id.published) published.push(id.id);
  }
}

/** Withdraws a published issue: readers get a notice (410) with the date and reason instead of the content. */
export async function withdrawIssue(viewer: Viewer, id: number, { reason }: WithdrawInput): Promise<{ id: number; status: "withdrawn" }> {
  authorize(viewer, "publish:issue:any");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(issues)
      .set({ status: "withdrawn", withdrawnAt: new Date(), withdrawnReason: reason, version: sql`${issues.version} + 1`, updatedAt: new Date() })
      .where(and(eq(issues.id, id), eq(issues.status, "published")))
      .returning({ id: issues.id });
    if (!row) throw new AppError("conflict", "issue.onlyPublishedWithdraw");
    await recordIssueEvent(tx, viewer, id, { type: "withdrawn", from: "published", to: "withdrawn", comment: reason });
    await recordAudit(tx, viewer, { action: "issue.withdraw", targetType: "issue", targetId: id, details: { reason } });
    return { id, status: "withdrawn" as const };
  });
}

/** Puts a withdrawn issue back before readers, as it was. */
export async function restoreIssue(viewer: Viewer, id: number): Promise<{ id: number; status: "published" }> {
  authorize(viewer, "publish:issue:any");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(issues)
      .set({ status: "published", withdrawnAt: null, withdrawnReason: null, version: sql`${issues.version} + 1`, updatedAt: new Date() })
      .where(and(eq(issues.id, id), eq(issues.status, "withdrawn")))
      .returning({ id: issues.id });
    if (!row) throw new AppError("conflict", "issue.onlyWithdrawnRestore");
    await recordIssueEvent(tx, viewer, id, { type: "restored", from: "withdrawn", to: "published" });
    await recordAudit(tx, viewer, { action: "issue.restore", targetType: "issue", targetId: id });
    return { id, status: "published" as const };
  });
}
