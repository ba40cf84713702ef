// Where an article ran (刊于《山东脱贫攻坚简报》2017年第88期): the published
// issue it is placed in. Contributors see it on their article and in the
// notice, so they never have to look for their own text in the archive.
import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { issues, placements, publications } from "@/db/schema";
import { issuePath } from "@/lib/issues/issue-path";

export interface PublishedIn {
  publication: string;
  slug: string;
  year: number;
  number: number;
  series: string;
  totalNumber: number | null;
  /** The article in the reader site: /p/{slug}/{year}/{number}/a/{id}. */
  path: string;
}

/** The published issue of each of `articleIds` that is in one (a withdrawn issue no longer counts). */
export async function publishedInOf(db: Db | Tx, articleIds: number[]): Promise<Map<number, PublishedIn>> {
  const out = new Map<number, PublishedIn>();
  if (!articleIds.length) return out;
  const rows = await db
    .select({ articleId: placements.articleId, issue: issues, publication: publications })
    .from(placements)
    .innerJoin(issues, eq(issues.id, placements.issueId))
    .innerJoin(publications, eq(publications.id, issues.publicationId))
    .where(and(inArray(placements.articleId, articleIds), eq(issues.status, "published")));
  for (const { articleId, issue, publication } of rows) {
    out.set(articleId, {
      publication: publication.name,
      slug: publication.slug,
      year: issue.year,
      number: issue.number,
      series: issue.series,
      totalNumber: issue.totalNumber,
      path: `${issuePath(publication.slug, issue)}/a/${articleId}`,
    });
  }
  return out;
}
