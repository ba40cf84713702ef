// In-app notices: a contributor learns of an editor's decision on their desk;
// a signer of a request for 签发, the editor of the signer's decision; a
// unit's contributors of a 约稿 and its coming deadline (lib/commissions).
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { articles, notifications } from "@/db/schema";
import { publishedInOf } from "@/lib/articles/published-in";
import type { Viewer } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

export async function notify(tx: Tx, userId: number, articleId: number | null, type: string, message: string) {
  await tx.insert(notifications).values({ userId, articleId, type, message });
}

/** A notice about an issue (签发 requested, signed, returned, voided). */
export async function notifyAboutIssue(tx: Tx, userId: number, issueId: number, type: string, message: string) {
  await tx.insert(notifications).values({ userId, issueId, type, message });
}

function requireUser(viewer: Viewer) {
  if (viewer.kind !== "user") throw new AppError("unauthorized", "common.signInFirst");
  return viewer;
}

export async function unreadCount(viewer: Viewer): Promise<number> {
  const user = requireUser(viewer);
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function listNotifications(viewer: Viewer, limit = 20) {
  const user = requireUser(viewer);
  const db = await getDb();
  const rows = await db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, user.id))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  // A 稿件已刊发 notice names the issue it ran in, with a link.
  const ran = await publishedInOf(db, [...new Set(rows.filter((r) => r.type === "published" && r.articleId).map((r) => r.articleId!))]);
  return rows.map((r) => ({
    id: r.id,
    articleId: r.articleId,
    issueId: r.issueId,
    commissionId: r.commissionId,
    type: r.type,
    message: r.message,
    read: r.readAt !== null,
    createdAt: r.createdAt.toISOString(),
    publishedIn: (r.type === "published" && r.articleId && ran.get(r.articleId)) || null,
  }));
}

/** Tells the authors of articles that have just been published (in the publishing transaction). */
export async function notifyArticlesPublished(tx: Tx, articleIds: number[], actorId: number | null) {
  if (!articleIds.length) return;
  const rows = await tx.select({ id: articles.id, authorId: articles.authorId, title: articles.title }).from(articles).where(inArray(articles.id, articleIds));
  for (const a of rows) {
    if (a.authorId === actorId) continue;
    await notify(tx, a.authorId, a.id, "published", `稿件已刊发：《${a.title.split("\n").map((l) => l.trim()).join("")}》`);
  }
}

/** Marks the viewer's notices about one article, issue or commission (or all) as read. */
export async function markNotificationsRead(viewer: Viewer, articleId?: number, issueId?: number, commissionId?: number) {
  const user = requireUser(viewer);
  const db = await getDb();
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt), articleId ? eq(notifications.articleId, articleId) : undefined, issueId ? eq(notifications.issueId, issueId) : undefined, commissionId ? eq(notifications.commissionId, commissionId) : undefined));
}
