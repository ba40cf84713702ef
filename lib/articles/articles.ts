// Reading articles on the desks. The access rule is part of the WHERE clause:
// a contributor's query is limited to their unit, so another unit's article
// simply does not exist for them (404, never 403).
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import { z } from "zod";
import { getDb } from "@/db";
import { ARTICLE_STATUSES, articleEvents, articles, units, users, type ArticleStatus } from "@/db/schema";
import { authorize, can, type Viewer } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { renderDocumentHtml } from "@/lib/render/document";

export const articleFilterSchema = z.object({
  status: z.enum(ARTICLE_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The visibility rule for `viewer`, as a WHERE condition. Fails closed. */
function visibleArticles(viewer: Viewer): SQL {
  if (can(viewer, "read:article:any")) return sql`true`;
  if (viewer.kind === "user" && viewer.role === "contributor" && viewer.unitId !== null && can(viewer, "read:article:own-unit")) {
    return eq(articles.unitId, viewer.unitId);
  }
  authorize(viewer, "read:article:any");
  return sql`false`;
}

export interface ArticleListItem {
  id: number;
  title: string;
  status: ArticleStatus;
  unit: string;
  updatedAt: string;
}

/** Articles the viewer may see, newest first. */
export async function listArticles(viewer: Viewer, filter: z.input<typeof articleFilterSchema> = {}): Promise<ArticleListItem[]> {
  const where = visibleArticles(viewer);
  const f = articleFilterSchema.parse(filter);
  const db = await getDb();
  const rows = await db
    .select({ id: articles.id, title: articles.title, status: articles.status, unit: units.name, updatedAt: articles.updatedAt })
    .from(articles)
    .innerJoin(units, eq(units.id, articles.unitId))
    .where(and(where, f.status ? eq(articles.status, f.status) : undefined))
    .orderBy(desc(articles.updatedAt), desc(articles.id))
    .limit(f.limit);
  return rows.map((r) => ({ ...r, title: r.title.split("\n").join(""), updatedAt: r.updatedAt.toISOString() }));
}

export interface ArticleDetail {
  id: number;
  title: string;
  titleLines: string[];
  body: JSONContent;
  html: string;
  attribution: string;
  status: ArticleStatus;
  version: number;
  unit: string;
  author: string;
  events: { type: string; comment: string | null; by: string | null; at: string }[];
}

/** One article, if the viewer may see it; otherwise not found. */
export async function getArticle(viewer: Viewer, id: number): Promise<ArticleDetail> {
  const where = visibleArticles(viewer);
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError("not_found", "稿件不存在");
  const db = await getDb();
  const [row] = await db
    .select({ article: articles, unit: units.name, author: users.name })
    .from(articles)
    .innerJoin(units, eq(units.id, articles.unitId))
    .innerJoin(users, eq(users.id, articles.authorId))
    .where(and(eq(articles.id, id), where))
    .limit(1);
  if (!row) throw new AppError("not_found", "稿件不存在");
  const events = await db
    .select({ type: articleEvents.type, comment: articleEvents.comment, by: users.name, at: articleEvents.createdAt })
    .from(articleEvents)
    .leftJoin(users, eq(users.id, articleEvents.actorId))
    .where(eq(articleEvents.articleId, id))
    .orderBy(articleEvents.createdAt, articleEvents.id);
  const body = row.article.body as JSONContent;
  const titleLines = row.article.title.split("\n").filter(Boolean);
  return {
    id: row.article.id,
    title: titleLines.join(""),
    titleLines,
    body,
    html: renderDocumentHtml(body),
    attribution: row.article.attribution,
    status: row.article.status,
    version: row.article.version,
    unit: row.unit,
    author: row.author,
    events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
  };
}
