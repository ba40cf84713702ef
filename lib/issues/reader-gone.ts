// A withdrawn issue answers 410 Gone to readers (DESIGN.md). A page in the
// App Router cannot set that status itself, so proxy.ts asks this cheap,
// index-backed question for reader URLs of an issue and rewrites withdrawn
// ones to a route handler that renders the notice with status 410.
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { issues, publications } from "@/db/schema";
import type { IssueSeries } from "./issue-path";

/** The reader URLs of one issue: the issue page, its print view and its article permalinks; `s` before the number marks a supplement (增刊). */
export const ISSUE_READER_PATH = /^\/p\/([^/]{1,200})\/(\d{1,6})\/(s?)(\d{1,6})(?:\/print|\/a\/\d{1,9})?\/?$/;

export interface IssueRef {
  slug: string;
  year: number;
  number: number;
  series: IssueSeries;
}

export function issueRefOfPath(pathname: string): IssueRef | null {
  const m = ISSUE_READER_PATH.exec(pathname);
  if (!m) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
  return { slug, year: Number(m[2]), number: Number(m[4]), series: m[3] ? "supplement" : "regular" };
}

/** True when the issue of that series exists and has been withdrawn. */
export async function isIssueWithdrawn(ref: IssueRef): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ status: issues.status })
    .from(issues)
    .innerJoin(publications, eq(publications.id, issues.publicationId))
    .where(and(eq(publications.slug, ref.slug), eq(issues.year, ref.year), eq(issues.number, ref.number), eq(issues.series, ref.series)))
    .limit(1);
  return row?.status === "withdrawn";
}
