// Publishing: one transaction moves the issue and its articles to
// "published" and freezes the snapshot readers will see. Where the
// publication requires 签发, only a signed issue whose content still has the
// signed hash is published (signoff.ts).
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { issueSnapshots, issues, publications, users } from "@/db/schema";
import { publishArticlesInTx } from "@/lib/articles/placement";
import type { Viewer } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/audit";
import { AppError, msg } from "@/lib/errors";
import { indexIssueSnapshot } from "@/lib/search/search";
import { assertSignedInTx, recordIssueEvent } from "./signoff";
import { buildSnapshot, placedArticleIds } from "./snapshot";

/**
 * Publishes a draft, signed or scheduled issue, inside the caller's
 * transaction; a second concurrent publish finds nothing to do and gets a
 * conflict. Callers run the 发布前检查 first: publishCheckedIssue (lifecycle.ts)
 * for an editor, the scheduler for a scheduled issue. There is deliberately
 * no exported publish that skips them.
 * `atScheduledTime`: the scheduler publishes with the scheduled time as the
 * publication time unless the editor set one.
 */
export async function publishIssueInTx(tx: Tx, viewer: Viewer, issueId: number, { atScheduledTime = false } = {}): Promise<{ publishedAt: string }> {
  // The row lock first, so two publishers serialize here and the signature is checked on what is published.
  const [current] = await tx
    .select({ issue: issues, publication: publications })
    .from(issues)
    .innerJoin(publications, eq(publications.id, issues.publicationId))
    .where(eq(issues.id, issueId))
    .for("update", { of: issues });
  if (!current) throw new AppError("not_found", "issue.notFound");
  if (!["draft", "signed", "scheduled"].includes(current.issue.status)) {
    throw new AppError("conflict", msg("issue.cannotPublish", { status: current.issue.status }));
  }
  await assertSignedInTx(tx, current.issue, current.publication);
  const [issue] = await tx
    .update(issues)
    .set({
      status: "published",
      // Old values on the right: scheduled_at is the time the issue was scheduled for.
      publishedAt: atScheduledTime ? sql`coalesce(${issues.publishedAt}, ${issues.scheduledAt}, now())` : sql`coalesce(${issues.publishedAt}, now())`,
      scheduledAt: null,
      version: sql`${issues.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(issues.id, issueId), inArray(issues.status, ["draft", "signed", "scheduled"])))
    .returning();
  if (!issue) {
    const [existing] = await tx.select({ status: issues.status }).from(issues).where(eq(issues.id, issueId));
    if (!existing) throw new AppError("not_found", "issue.notFound");
    throw new AppError("conflict", msg("issue.cannotPublish", { status: existing.status }));
  }
  const ids = await placedArticleIds(tx, issueId);
  if (!ids.length) throw new AppError("invalid", "issue.noArticles");
  await publishArticlesInTx(tx, viewer, ids, issue.publishedAt!);
  const snapshot = await buildSnapshot(tx, issueId, issue.publishedAt!);
  // The 签发 line is printed only where the publication asks for it; readers never see the signer otherwise.
  if (current.publication.printSigner && issue.signedById) {
    const [signer] = await tx.select({ name: users.name }).from(users).where(eq(users.id, issue.signedById));
    if (signer) snapshot.signer = signer.name;
  }
  await tx.insert(issueSnapshots).values({
    issueId,
    content: snapshot,
    reason: "publish",
    createdById: viewer.kind === "user" ? viewer.id : null,
  });
  // Search indexes what readers see: this snapshot, not the live articles.
  await indexIssueSnapshot(tx, snapshot);
  await recordIssueEvent(tx, viewer, issueId, { type: "published", from: current.issue.status, to: "published" });
  await recordAudit(tx, viewer, { action: "issue.publish", targetType: "issue", targetId: issueId, details: { title: snapshot.title } });
  return { publishedAt: issue.publishedAt!.toISOString() };
}
