// Search over published articles as readers see them: the index is written
// from the published snapshot (never the live article), and queries check the
// issue so that a withdrawn issue drops out at once. Matches are read newest
// first and only until the page (and a capped count) is full, so a common
// word costs about as much as a rare one — never a LIKE scan, and never
// reading every match's large tokens value.
import { and, eq, sql, type SQL } from "drizzle-orm";
import { executeRows, getDb, type Db, type Tx } from "@/db";
import { issues, searchDocuments } from "@/db/schema";
import { authorize, type Viewer } from "@/lib/auth/permissions";
import { AppError, msg } from "@/lib/errors";
import { issueNumberSegment } from "@/lib/issues/issue-path";
import type { IssueSnapshot } from "@/lib/issues/snapshot";
import { highlightSnippet } from "./snippet";
import { indexDocumentText, MAX_QUERY_CHARS, parseQuery } from "./tokens";

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 50;
/** Matches are counted exactly up to this many; beyond it the total is a lower bound ("1,000+"). */
export const TOTAL_CAP = 1000;

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
  /** Exact, unless totalIsLowerBound: then there are more than this many (TOTAL_CAP). */
  total: number;
  totalIsLowerBound: boolean;
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
      // The same title tokens at the same positions as in tokens (the title comes first there).
      titleTokens: sql`to_tsvector('simple', ${indexDocumentText(a.title)})`,
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
}

/** How many of the newest articles are read one by one before the GIN index is asked instead. */
const walkRows = (upTo: number) => 200 + 4 * upTo;

/**
 * The ids of the first `upTo` published articles (under the filters), newest
 * first, for which `check` holds. For a common check they are among the
 * newest articles: these are read along the published_at index and checked
 * one by one, stopping when enough are found — a few rows, whatever the
 * number of matches. If the newest walkRows() do not hold enough, the check is
 * not that common: `candidates` (a superset that a GIN index answers exactly,
 * without reading tokens) are sorted and checked in that order, again only
 * until enough are found. ("offset 0" keeps each subquery as written, so the
 * check runs on the rows read, not on every row before sorting.)
 */
async function firstMatches(tx: Tx, matching: (match?: SQL) => SQL, check: SQL, candidates: SQL, upTo: number): Promise<number[]> {
  const walked = await executeRows<{ article_id: number }>(
    tx,
    sql`select d.article_id from (
          select d.article_id, d.published_at, d.tokens, d.title_tokens from ${matching()}
          order by d.published_at desc, d.article_id limit ${walkRows(upTo)} offset 0
        ) d
        where ${check}
        order by d.published_at desc, d.article_id limit ${upTo}`,
  );
  if (walked.length === upTo) return walked.map((r) => r.article_id);
  const sorted = await executeRows<{ article_id: number }>(
    tx,
    sql`select d.article_id from (
          select d.article_id, d.published_at, d.tokens, d.title_tokens from ${matching(candidates)}
          order by d.published_at desc, d.article_id offset 0
        ) d
        where ${check}
        order by d.published_at desc, d.article_id limit ${upTo}`,
  );
  return sorted.map((r) => r.article_id);
}

/**
 * The article ids of one page when the query matches more than TOTAL_CAP
 * articles, in search order: title matches first, then the others; each
 * newest first, then by id. Title matches are a subset of the matches —
 * title_tokens holds the first positions of tokens — so the two parts never
 * overlap. Checking title_tokens is cheap (it is small and stays in the
 * row); checking tokens decompresses it, once per row read.
 */
async function pageOfManyMatches(
  tx: Tx,
  { query, lexemes, matching, offset, pageSize }: { query: SQL; lexemes: SQL; matching: (match?: SQL) => SQL; offset: number; pageSize: number },
): Promise<number[]> {
  const upTo = offset + pageSize;
  const inTitle = sql`d.title_tokens @@ ${query}`;
  const titled = await firstMatches(tx, matching, inTitle, sql`d.title_tokens @@ ${lexemes}`, upTo);
  const others =
    titled.length < upTo
      ? await firstMatches(tx, matching, sql`not (${inTitle}) and d.tokens @@ ${query}`, sql`d.tokens @@ ${lexemes} and not (${inTitle})`, upTo - titled.length)
      : [];
  return [...titled, ...others].slice(offset, upTo);
}

/** Ranked, highlighted, filtered and paginated search. Bad queries are refused with a message (400) or find nothing. */
export async function searchArticles(viewer: Viewer, input: SearchInput): Promise<SearchResult> {
  authorize(viewer, "read:issue:published");
  const page = Math.max(1, Math.floor(input.page ?? 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(input.pageSize ?? DEFAULT_PAGE_SIZE)));
  const parsed = parseQuery(input.q);
  if (!parsed.ok) {
    if (parsed.reason === "too_long") throw new AppError("bad_request", msg("search.queryTooLong", { max: MAX_QUERY_CHARS }));
    return { results: [], total: 0, totalIsLowerBound: false, page, pageSize };
  }
  if (!Number.isSafeInteger(page) || page > 10_000) throw new AppError("bad_request", "search.pageInvalid");
  // The query as the user meant it (phrases: <->), and only its lexemes
  // ANDed. The GIN index answers the second exactly; for the first it can
  // only give candidates, each rechecked by decompressing its tokens.
  const query = sql`to_tsquery('simple', ${parsed.tsquery})`;
  const lexemes = sql`to_tsquery('simple', ${parsed.lexemes})`;
  const filters: SQL[] = [];
  if (input.publication) filters.push(sql`d.publication_id = (select id from publications where slug = ${input.publication})`);
  if (input.year !== undefined) filters.push(sql`d.year = ${input.year}`);
  if (input.unit) filters.push(sql`d.unit_name = ${input.unit}`);
  // Published articles matching the filters and `match`. The issue is looked
  // up per row, not joined: a join may sort or hash every match first, where
  // a lookup lets the LIMITs below stop reading (and decompressing) early.
  const published = sql`(select i.status from issues i where i.id = d.issue_id) = 'published'`;
  const matching = (match?: SQL) => sql`search_documents d where ${sql.join([published, ...filters, ...(match ? [match] : [])], sql` and `)}`;
  const offset = (page - 1) * pageSize;
  const upTo = offset + pageSize;
  const db = await getDb();
  const { rows, counted } = await db.transaction(async (tx) => {
    // The heap looks small to the planner (tokens lives in TOAST), so it would
    // rather scan it, decompressing every row's tokens. Keep it on the
    // indexes — and keep JIT out of plans whose cost that setting inflates.
    await tx.execute(sql`select set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)`);
    // 1. Up to TOTAL_CAP + 1 matches, in no particular order: that many are
    //    enough for the total, and when there are no more they are all of them.
    const found = await executeRows<{ article_id: number; part: number }>(
      tx,
      sql`select m.article_id, m.part from (
            select d.article_id, d.published_at, case when d.title_tokens @@ ${query} then 0 else 1 end as part
            from ${matching(sql`d.tokens @@ ${query}`)}
            limit ${TOTAL_CAP + 1}
          ) m
          order by m.part, m.published_at desc, m.article_id`,
    );
    let ids = found.slice(offset, upTo).map((r) => r.article_id);
    // 2. More matches than that: read them in order, only as far as the page.
    if (found.length > TOTAL_CAP) ids = await pageOfManyMatches(tx, { query, lexemes, matching, offset, pageSize });
    const rows = ids.length
      ? await executeRows<HitRow>(
          tx,
          sql`select d.article_id, d.title, d.body, d.attribution, d.unit_name, d.year, d.number, i.series, d.published_at, p.slug, p.name
              from search_documents d join issues i on i.id = d.issue_id and i.status = 'published' join publications p on p.id = d.publication_id
              where d.article_id in (${sql.join(
                ids.map((id) => sql`${id}`),
                sql`, `,
              )})`,
        )
      : [];
    const byId = new Map(rows.map((r) => [r.article_id, r]));
    return { rows: ids.flatMap((id) => byId.get(id) ?? []), counted: found.length };
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
  return { results, total: Math.min(counted, TOTAL_CAP), totalIsLowerBound: counted > TOTAL_CAP, page, pageSize };
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
