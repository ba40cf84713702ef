// What readers can see: published issues only, always from the frozen
// snapshot. Anything unpublished is "not found" (never "forbidden"), so its
// existence is not revealed; a withdrawn issue is "gone" with its reason.
import { and, asc, desc, eq, gt, lt, or, sql } from "drizzle-orm";
import { executeRows, getDb } from "@/db";
import { issues, publications } from "@/db/schema";
import { AppError, msg } from "@/lib/errors";
import type { IssueSeries } from "./issue-path";
import { issueTitle } from "./numbering";
import type { IssueSnapshot } from "./snapshot";

export interface PublicationSummary {
  slug: string;
  name: string;
  issuingBody: string;
}

export interface IssueSummary {
  /** "regular", or "supplement" (增刊, numbered separately; its URL segment is s{number}). */
  series: IssueSeries;
  year: number;
  number: number;
  totalNumber: number | null;
  title: string;
  publishedAt: string;
}

export interface Correction {
  text: string;
  createdAt: string;
  articleId: number | null;
}

export interface ReaderIssue {
  snapshot: IssueSnapshot;
  corrections: Correction[];
  prev: IssueSummary | null;
  next: IssueSummary | null;
}

export class IssueWithdrawnError extends AppError {
  constructor(
    public readonly title: string,
    public readonly withdrawnAt: string,
    public readonly reason: string,
  ) {
    super("gone", msg("issue.withdrawn", { reason }), undefined, { title, withdrawnAt, reason });
  }
}

const latestSnapshot = sql<IssueSnapshot & { corrections?: Correction[] }>`(
  select s.content from issue_snapshots s where s.issue_id = "issues"."id" order by s.id desc limit 1
)`;

export async function listPublications(): Promise<PublicationSummary[]> {
  const db = await getDb();
  return db
    .select({ slug: publications.slug, name: publications.name, issuingBody: publications.issuingBody })
    .from(publications)
    .orderBy(asc(publications.id));
}

export interface PublicationWithIssues extends PublicationSummary {
  /** The latest published regular issues, newest first. */
  issues: IssueSummary[];
}

/** Every publication with its latest `perPublication` published regular issues, in one statement (the home page). */
export async function listPublicationsWithLatestIssues(perPublication = 5): Promise<PublicationWithIssues[]> {
  const db = await getDb();
  const rows = await executeRows<{
    slug: string;
    name: string;
    issuing_body: string;
    show_total_number: boolean;
    year: number | null;
    number: number | null;
    total_number: number | null;
    published_at: string | Date | null;
  }>(
    db,
    sql`select p.slug, p.name, p.issuing_body, p.show_total_number, i.year, i.number, i.total_number, i.published_at
        from publications p
        left join lateral (
          select x.year, x.number, x.total_number, x.published_at from issues x
          where x.publication_id = p.id and x.status = 'published' and x.series = 'regular'
          order by x.year desc, x.number desc
          limit ${perPublication}
        ) i on true
        order by p.id, i.year desc, i.number desc`,
  );
  const bySlug = new Map<string, PublicationWithIssues>();
  for (const r of rows) {
    let pub = bySlug.get(r.slug);
    if (!pub) bySlug.set(r.slug, (pub = { slug: r.slug, name: r.name, issuingBody: r.issuing_body, issues: [] }));
    if (r.year === null || r.number === null) continue;
    pub.issues.push({
      series: "regular",
      year: r.year,
      number: r.number,
      totalNumber: r.total_number,
      title: issueTitle(r.name, { year: r.year, number: r.number, totalNumber: r.total_number }, r.show_total_number),
      publishedAt: new Date(r.published_at!).toISOString(),
    });
  }
  return [...bySlug.values()];
}

export async function getPublication(slug: string): Promise<PublicationSummary> {
  const db = await getDb();
  const [row] = await db
    .select({ slug: publications.slug, name: publications.name, issuingBody: publications.issuingBody })
    .from(publications)
    .where(eq(publications.slug, slug))
    .limit(1);
  if (!row) throw new AppError("not_found", "publication.notFound");
  return row;
}

/**
 * Published issues of a publication, newest first: the regular series only,
 * or with `supplements` also the 增刊 of each year (after its regular issues).
 */
export async function listPublishedIssues(slug: string, limit = 1000, { supplements = false } = {}): Promise<IssueSummary[]> {
  const db = await getDb();
  const rows = await db
    .select({ issue: issues, publication: publications })
    .from(issues)
    .innerJoin(publications, eq(publications.id, issues.publicationId))
    .where(and(eq(publications.slug, slug), eq(issues.status, "published"), supplements ? undefined : eq(issues.series, "regular")))
    .orderBy(desc(issues.year), asc(issues.series), desc(issues.number))
    .limit(limit);
  return rows.map(({ issue, publication }) => ({
    series: seriesOf(issue.series),
    year: issue.year,
    number: issue.number,
    totalNumber: issue.totalNumber,
    title: issueTitle(publication.name, issue, publication.showTotalNumber),
    publishedAt: issue.publishedAt!.toISOString(),
  }));
}

function seriesOf(series: string): IssueSeries {
  return series === "supplement" ? "supplement" : "regular";
}

/**
 * One published issue of a series as readers see it; prev/next stay within
 * that series. Throws not_found, or IssueWithdrawnError (410).
 */
export async function getReaderIssue(slug: string, year: number, number: number, series: IssueSeries = "regular"): Promise<ReaderIssue> {
  if (!Number.isSafeInteger(year) || !Number.isSafeInteger(number)) throw new AppError("not_found", "issue.notFound");
  const db = await getDb();
  const [row] = await db
    .select({ issue: issues, publication: publications, snapshot: latestSnapshot })
    .from(issues)
    .innerJoin(publications, eq(publications.id, issues.publicationId))
    .where(and(eq(publications.slug, slug), eq(issues.year, year), eq(issues.number, number), eq(issues.series, series)))
    .limit(1);
  if (!row || !row.snapshot || (row.issue.status !== "published" && row.issue.status !== "withdrawn")) {
    throw new AppError("not_found", "issue.notFound");
  }
  if (row.issue.status === "withdrawn") {
    throw new IssueWithdrawnError(row.snapshot.title, row.issue.withdrawnAt!.toISOString(), row.issue.withdrawnReason ?? "");
  }
  const summary = (i: typeof row.issue): IssueSummary => ({
    series: seriesOf(i.series),
    year: i.year,
    number: i.number,
    totalNumber: i.totalNumber,
    title: issueTitle(row.publication.name, i, row.publication.showTotalNumber),
    publishedAt: i.publishedAt!.toISOString(),
  });
  const sameSeries = and(
    eq(issues.publicationId, row.issue.publicationId),
    eq(issues.status, "published"),
    eq(issues.series, series),
  );
  // Both neighbours in one round trip, each found by the (publication, status, year, number) index.
  const [before, after] = await Promise.all([
    db
      .select()
      .from(issues)
      .where(and(sameSeries, or(lt(issues.year, year), and(eq(issues.year, year), lt(issues.number, number)))))
      .orderBy(desc(issues.year), desc(issues.number))
      .limit(1),
    db
      .select()
      .from(issues)
      .where(and(sameSeries, or(gt(issues.year, year), and(eq(issues.year, year), gt(issues.number, number)))))
      .orderBy(asc(issues.year), asc(issues.number))
      .limit(1),
  ]);
  const { corrections = [], ...snapshot } = row.snapshot;
  return {
    snapshot,
    corrections,
    prev: before[0] ? summary(before[0]) : null,
    next: after[0] ? summary(after[0]) : null,
  };
}
