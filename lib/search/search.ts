// Search over published articles as readers see them: the index is written
// from the published snapshot (never the live article), and queries join the
// issue so that a withdrawn issue drops out at once. Every query is answered
// by the GIN index on search_documents.tokens — never a LIKE scan.
import { and, eq, sql, type SQL } from "drizzle-orm";
import { executeRows, getDb, type Db, type Tx } from "@/db";
import { issues, searchDocuments } from "@/db/schema";
import { authorize, type Viewer } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { issueNumberSegment } from "@/lib/issues/issue-path";
import type { IssueSnapshot } from "@/lib/issues/snapshot";
import { highlightSnippet } from "./snippet";
import { indexDocumentText, MAX_QUERY_CHARS, parseQuery } from "./tokens";

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 50;

export interface SearchInput {
  q: string;
  publication?: string;
  year?: number;
  unit?: string;
  page?: number;
  pageSize?: number;
}

export interface SearchHit {
  articleId: number;
  title: string;
  /** The publication's slug. */
  publication: string;
  publicationName: string;
  year: number;
  number: number;
  /** 增刊 (a supplement) or a regular issue. */
  series: "regular" | "supplement";
  unit: string;
  attribution: string;
  publishedAt: string;
  /** Safe HTML: escaped text with <mark> around the matches. */
  snippet: string;
  /** The article inside its issue. */
  url: string;
}

export interface SearchResult {
  results: SearchHit[];
  total: number;
  page: number;
  pageSize: number;
}

/** The tokens column: title (weight A), body (B), attribution (C). */
function tokensSql(title: string, body: string, attribution: string): SQL {
  return sql`setweight(to_tsvector('simple', ${indexDocumentText(title)}), 'A')
    || setweight(to_tsvector('simple', ${indexDocumentText(body)}), 'B')
    || setweight(to_tsvector('simple', ${indexDocumentText(attribution)}), 'C')`;
}

/** (Re)indexes the articles of a published snapshot; called in the transaction that writes the snapshot. */
export async function indexIssueSnapshot(tx: Tx | Db, snapshot: IssueSnapshot): Promise<number> {
  const [issue] = await tx.select({ publicationId: issues.publicationId }).from(issues).where(eq(issues.id, snapshot.issueId));
  if (!issue) throw new Error(`issue ${snapshot.issueId} not found`);
  await tx.delete(searchDocuments).where(eq(searchDocuments.issueId, snapshot.issueId));
  const articles = snapshot.sections.flatMap((s) => s.articles);
  for (const a of articles) {
    const row = {
      issueId: snapshot.issueId,
      publicationId: issue.publicationId,
      year: snapshot.year,
      number: snapshot.number,
      unitName: a.unit,
      title: a.title,
      body: a.text,
      attribution: a.attribution,
      publishedAt: new Date(snapshot.publishedAt),
      tokens: tokensSql(a.title, a.text, a.attribution),
    };
    // An article sits in one issue; a re-publish of that issue replaces its row.
    await tx
      .insert(searchDocuments)
      .values({ articleId: a.id, ...row })
      .onConflictDoUpdate({ target: searchDocuments.articleId, set: row });
  }
  return articles.length;
}

interface HitRow {
  article_id: number;
  title: string;
  body: string;
  attribution: string;
  unit_name: string;
  year: number;
  number: number;
  series: string;
  published_at: string | Date;
  slug: string;
  name: string;
  total: string | number;
}

/** Ranked, highlighted, filtered and paginated search. Bad queries are refused with a message (400) or find nothing. */
export async function searchArticles(viewer: Viewer, input: SearchInput): Promise<SearchResult> {
  authorize(viewer, "read:issue:published");
  const page = Math.max(1, Math.floor(input.page ?? 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(input.pageSize ?? DEFAULT_PAGE_SIZE)));
  const parsed = parseQuery(input.q);
  if (!parsed.ok) {
    if (parsed.reason === "too_long") throw new AppError("bad_request", `搜索词过长（最多 ${MAX_QUERY_CHARS} 个字）`);
    return { results: [], total: 0, page, pageSize };
  }
  if (!Number.isSafeInteger(page) || page > 10_000) throw new AppError("bad_request", "页码无效");
  const query = sql`to_tsquery('simple', ${parsed.tsquery})`;
  // Title bonus: every searched phrase occurs in the title. Read from the
  // short title column of rows the index already matched (no scan, and no
  // second decompression of the large tokens value).
  const inTitle = sql.join(
    parsed.needles.map((n) => sql`strpos(lower(d.title), ${n}) > 0`),
    sql` and `,
  );
  const filters: SQL[] = [sql`d.tokens @@ ${query}`];
  if (input.publication) filters.push(sql`d.publication_id = (select id from publications where slug = ${input.publication})`);
  if (input.year !== undefined) filters.push(sql`d.year = ${input.year}`);
  if (input.unit) filters.push(sql`d.unit_name = ${input.unit}`);
  const db = await getDb();
  // The matches come from the GIN index first (materialized, so the planner
  // cannot turn the index scan into a repeated scan inside a join), are
  // ranked — ts_rank plus 1 when the title holds the query — and only the
  // page's rows are read back in full.
  // The tokens column is stored out of line (TOAST), so the heap looks small
  // and the planner would rather scan it than use the GIN index — but every
  // scanned row then decompresses its whole tsvector. Keep it on the index.
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return executeRows<HitRow>(
      tx,
      sql`with hits as materialized (
            select d.article_id, d.issue_id, d.published_at,
                   ts_rank(d.tokens, ${query})
                   + case when ${inTitle} then 1 else 0 end as rank
            from search_documents d
            where ${sql.join(filters, sql` and `)}
          ), page as (
            select h.article_id, h.rank, h.published_at, i.series, count(*) over () as total
            from hits h join issues i on i.id = h.issue_id and i.status = 'published'
            order by h.rank desc, h.published_at desc, h.article_id
            limit ${pageSize} offset ${(page - 1) * pageSize}
          )
          select d.article_id, d.title, d.body, d.attribution, d.unit_name, d.year, d.number, pg.series, d.published_at,
                 p.slug, p.name, pg.total
          from page pg
          join search_documents d on d.article_id = pg.article_id
          join publications p on p.id = d.publication_id
          order by pg.rank desc, pg.published_at desc, pg.article_id`,
    );
  });
  const results = rows.map((r): SearchHit => {
    const publishedAt = new Date(r.published_at).toISOString();
    return {
      articleId: r.article_id,
      title: r.title,
      publication: r.slug,
      publicationName: r.name,
      year: r.year,
      number: r.number,
      series: r.series === "supplement" ? "supplement" : "regular",
      unit: r.unit_name,
      attribution: r.attribution,
      publishedAt,
      snippet: highlightSnippet(`${r.body}（${r.attribution}）`, parsed.needles),
      url: `/p/${encodeURIComponent(r.slug)}/${r.year}/${issueNumberSegment(r)}#article-${r.article_id}`,
    };
  });
  return { results, total: rows.length ? Number(rows[0]!.total) : 0, page, pageSize };
}

export interface SearchFilters {
  publications: { slug: string; name: string }[];
  years: number[];
  units: string[];
}

/** What the filters can offer: only values that published articles have. */
export async function searchFilters(viewer: Viewer): Promise<SearchFilters> {
  authorize(viewer, "read:issue:published");
  const db = await getDb();
  const published = and(eq(issues.id, searchDocuments.issueId), eq(issues.status, "published"));
  const [pubs, years, units] = await Promise.all([
    executeRows<{ slug: string; name: string }>(
      db,
      sql`select distinct p.slug, p.name, p.id from search_documents d join issues i on i.id = d.issue_id and i.status = 'published'
          join publications p on p.id = d.publication_id order by p.id`,
    ),
    db.selectDistinct({ year: searchDocuments.year }).from(searchDocuments).innerJoin(issues, published).orderBy(sql`1 desc`),
    db.selectDistinct({ unit: searchDocuments.unitName }).from(searchDocuments).innerJoin(issues, published).orderBy(searchDocuments.unitName),
  ]);
  return {
    publications: pubs.map(({ slug, name }) => ({ slug, name })),
    years: years.map((y) => y.year),
    units: units.map((u) => u.unit),
  };
}
