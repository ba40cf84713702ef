// The writes an issue makes to its articles, kept with the other article
// writes: placing an article in an issue ties it to the publication,
// and publishing the issue publishes its articles (with their events and the
// contributors' notices). Both run inside the issue's transaction.
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { articleEvents, articles } from "@/db/schema";
import type { Viewer } from "@/lib/auth/permissions";
import { AppError, msg } from "@/lib/errors";
import { notifyArticlesPublished } from "@/lib/notifications/notifications";

/** Articles placed in an issue that belong to no publication yet become that publication's. */
export async function assignPublicationInTx(tx: Tx, articleIds: number[], publicationId: number): Promise<void> {
  if (!articleIds.length) return;
  await tx.update(articles).set({ publicationId }).where(and(inArray(articles.id, articleIds), isNull(articles.publicationId)));
}

/**
 * Publishes an issue's accepted articles, dated with the issue (statistics
 * count an article as published in its issue's period). Refused whole,
 * naming them, when any is no longer accepted.
 */
export async function publishArticlesInTx(tx: Tx, viewer: Viewer, articleIds: number[], publishedAt: Date): Promise<void> {
  const moved = await tx
    .update(articles)
    .set({ status: "published", updatedAt: new Date() })
    .where(and(inArray(articles.id, articleIds), eq(articles.status, "accepted")))
    .returning({ id: articles.id });
  if (moved.length !== articleIds.length) {
    const ok = new Set(moved.map((m) => m.id));
    const bad = articleIds.filter((id) => !ok.has(id));
    throw new AppError("invalid", msg("issue.notAccepted", { ids: bad.join(", ") }), undefined, { articleIds: bad });
  }
  const actorId = viewer.kind === "user" ? viewer.id : null;
  await tx.insert(articleEvents).values(
    articleIds.map((id) => ({ articleId: id, type: "published" as const, fromStatus: "accepted" as const, toStatus: "published" as const, actorId, comment: null, createdAt: publishedAt })),
  );
  await notifyArticlesPublished(tx, articleIds, actorId);
}
