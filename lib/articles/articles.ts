// Reading articles on the desks. The access rule is part of the WHERE clause:
// a contributor's query is limited to their unit, so another unit's article
// simply does not exist for them (404, never 403).
import { and, desc, eq, gte, ilike, lte, sql, type SQL } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import { z } from "zod";
import { getDb } from "@/db";
import { ARTICLE_STATUSES, articleEvents, articles, commissions, units, users, type ArticleStatus } from "@/db/schema";
import { authorize, can, type Viewer } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { renderDocumentHtml } from "@/lib/render/document";
import { publishedInOf, type PublishedIn } from "./published-in";
import { EDITABLE, TRANSITIONS, type Transition } from "./status";

export const articleFilterSchema = z.object({
  status: z.enum(ARTICLE_STATUSES).optional(),
  unit: z.coerce.number().int().min(1).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  q: z.string().trim().max(100).optional(),
  /** Key pagination: the `next` value of the previous page. */
  cursor: z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_\d+$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ArticleFilter = z.input<typeof articleFilterSchema>;

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

function filterConditions(viewer: Viewer, f: z.infer<typeof articleFilterSchema>, withStatus: boolean) {
  // Dates are days in China time.
  const day = (d: string, end = false) => new Date(`${d}T${end ? "23:59:59.999" : "00:00:00"}+08:00`);
  return and(
    visibleArticles(viewer),
    withStatus && f.status ? eq(articles.status, f.status) : undefined,
    f.unit ? eq(articles.unitId, f.unit) : undefined,
    f.from ? gte(articles.updatedAt, day(f.from)) : undefined,
    f.to ? lte(articles.updatedAt, day(f.to, true)) : undefined,
    f.q ? ilike(articles.title, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
  );
}

/** Articles the viewer may see, newest first, a page at a time. */
export async function listArticles(viewer: Viewer, filter: ArticleFilter = {}): Promise<ArticleListItem[]> {
  return (await listArticlesPage(viewer, filter)).articles;
}

export async function listArticlesPage(viewer: Viewer, filter: ArticleFilter = {}): Promise<{ articles: ArticleListItem[]; next: string | null }> {
  const f = articleFilterSchema.parse(filter);
  const where = filterConditions(viewer, f, true);
  const cursor = f.cursor ? { at: new Date(f.cursor.split("_")[0]!), id: Number(f.cursor.split("_")[1]) } : null;
  const db = await getDb();
  const rows = await db
    .select({ id: articles.id, title: articles.title, status: articles.status, unit: units.name, updatedAt: articles.updatedAt })
    .from(articles)
    .innerJoin(units, eq(units.id, articles.unitId))
    .where(and(where, cursor ? sql`(${articles.updatedAt}, ${articles.id}) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id})` : undefined))
    .orderBy(desc(articles.updatedAt), desc(articles.id))
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return {
    articles: page.map((r) => ({ ...r, title: r.title.split("\n").join(""), updatedAt: r.updatedAt.toISOString() })),
    next: rows.length > f.limit && last ? `${last.updatedAt.toISOString()}_${last.id}` : null,
  };
}

/** Counts per status under the same filters (status itself aside). */
export async function countArticlesByStatus(viewer: Viewer, filter: ArticleFilter = {}): Promise<Record<ArticleStatus, number>> {
  const f = articleFilterSchema.parse(filter);
  const db = await getDb();
  const rows = await db
    .select({ status: articles.status, n: sql<number>`count(*)::int` })
    .from(articles)
    .where(filterConditions(viewer, f, false))
    .groupBy(articles.status);
  const counts = Object.fromEntries(ARTICLE_STATUSES.map((s) => [s, 0])) as Record<ArticleStatus, number>;
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

/** Units for filter menus. */
export async function listUnitsForFilter(viewer: Viewer): Promise<{ id: number; name: string }[]> {
  authorize(viewer, "read:article:any");
  const db = await getDb();
  return db.select({ id: units.id, name: units.name }).from(units).orderBy(units.id);
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
  unitId: number;
  author: string;
  submittedAt: string | null;
  events: { type: string; comment: string | null; by: string | null; at: string }[];
  /** The published issue the article ran in, or null. */
  publishedIn: PublishedIn | null;
  /** The 约稿 the article answers, or null. */
  commissionId: number | null;
  /** The commission it answers (or was written for: `cancelled` — 撤销 — before it was submitted, it is submitted as an ordinary article). */
  commission: { id: number; title: string; deadline: string; cancelled: boolean } | null;
}

/** One article, if the viewer may see it; otherwise not found. */
export async function getArticle(viewer: Viewer, id: number): Promise<ArticleDetail> {
  const where = visibleArticles(viewer);
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError("not_found", "article.notFound");
  const db = await getDb();
  const [row] = await db
    .select({ article: articles, unit: units.name, author: users.name, commission: { id: commissions.id, title: commissions.title, deadline: commissions.deadline, cancelledAt: commissions.cancelledAt } })
    .from(articles)
    .innerJoin(units, eq(units.id, articles.unitId))
    .innerJoin(users, eq(users.id, articles.authorId))
    .leftJoin(commissions, eq(commissions.id, articles.commissionId))
    .where(and(eq(articles.id, id), where))
    .limit(1);
  if (!row) throw new AppError("not_found", "article.notFound");
  const events = await db
    .select({ type: articleEvents.type, comment: articleEvents.comment, by: users.name, at: articleEvents.createdAt })
    .from(articleEvents)
    .leftJoin(users, eq(users.id, articleEvents.actorId))
    .where(eq(articleEvents.articleId, id))
    .orderBy(articleEvents.createdAt, articleEvents.id);
  const publishedIn = row.article.status === "published" ? ((await publishedInOf(db, [id])).get(id) ?? null) : null;
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
    unitId: row.article.unitId,
    author: row.author,
    submittedAt: row.article.submittedAt?.toISOString() ?? null,
    events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
    publishedIn,
    commissionId: row.article.commissionId,
    commission: row.commission ? { id: row.commission.id, title: row.commission.title, deadline: row.commission.deadline.toISOString(), cancelled: row.commission.cancelledAt !== null } : null,
  };
}

/** What the viewer may do with an article in its current status (the service checks again on every call). */
export function availableActions(viewer: Viewer, article: { status: ArticleStatus; unitId?: number }): { edit: boolean; transitions: Transition[] } {
  const asEditor = can(viewer, "update:article:any");
  const asContributor = !asEditor && can(viewer, "update:article:own-unit");
  const edit = asEditor ? EDITABLE.editor.includes(article.status) : asContributor && EDITABLE.contributor.includes(article.status);
  const transitions = (Object.keys(TRANSITIONS) as Transition[]).filter(
    (t) => TRANSITIONS[t].from.includes(article.status) && can(viewer, TRANSITIONS[t].permission),
  );
  return { edit, transitions };
}

/** The unit a contributor writes for (its name is the default attribution). */
export async function writingUnit(viewer: Viewer): Promise<{ id: number; name: string; active: boolean }> {
  authorize(viewer, "create:article:own-unit");
  if (viewer.kind !== "user" || viewer.unitId === null) throw new AppError("forbidden", "article.noUnit");
  const db = await getDb();
  const [unit] = await db.select({ id: units.id, name: units.name, active: units.active }).from(units).where(eq(units.id, viewer.unitId));
  if (!unit) throw new AppError("forbidden", "article.noUnit");
  return unit;
}
