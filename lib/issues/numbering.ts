// 期号: the number within the year restarts at 1 each year; the total number
// (总期号) is cumulative across years. Both are unique per publication and
// series in the database; these helpers only offer the next free pair.
import { and, desc, eq, lte, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { issues } from "@/db/schema";

export interface IssueNumbers {
  year: number;
  number: number;
  totalNumber: number;
}

/** The title line, e.g. 山东脱贫攻坚简报2017年第88期(总第225期). */
export function issueTitle(
  publicationName: string,
  n: { year: number; number: number; totalNumber: number | null; series?: string },
  showTotalNumber = true,
): string {
  const series = n.series === "supplement" ? "增刊" : "";
  const total = showTotalNumber && n.totalNumber ? `(总第${n.totalNumber}期)` : "";
  return `${publicationName}${n.year}年${series}第${n.number}期${total}`;
}

/** The last issue of a series numbered in `year` or before: the one a new issue of `year` follows. */
export async function previousIssue(db: Db | Tx, publicationId: number, year: number, series: "regular" | "supplement" = "regular") {
  const [row] = await db
    .select()
    .from(issues)
    .where(and(eq(issues.publicationId, publicationId), eq(issues.series, series), lte(issues.year, year)))
    .orderBy(desc(issues.year), desc(issues.number))
    .limit(1);
  return row ?? null;
}

/**
 * The next free numbers of a publication's series in `year`. The total number
 * follows the issue before it (2017/88, 总第225期 → 2017/89, 总第226期), so a
 * back issue typed in from the paper archive gets its own place in the
 * cumulative count; when that total is taken, the first one after all others.
 */
export async function nextIssueNumbers(
  db: Db | Tx,
  publicationId: number,
  year: number,
  series: "regular" | "supplement" = "regular",
): Promise<IssueNumbers> {
  const [row] = await db
    .select({
      maxInYear: sql<number | null>`max(${issues.number}) filter (where ${issues.year} = ${year})`,
      maxTotal: sql<number | null>`max(${issues.totalNumber})`,
    })
    .from(issues)
    .where(and(eq(issues.publicationId, publicationId), eq(issues.series, series)));
  const afterAll = Number(row?.maxTotal ?? 0) + 1;
  const previous = await previousIssue(db, publicationId, year, series);
  let totalNumber = afterAll;
  if (previous?.totalNumber) {
    const candidate = previous.totalNumber + 1;
    const [taken] = await db
      .select({ id: issues.id })
      .from(issues)
      .where(and(eq(issues.publicationId, publicationId), eq(issues.series, series), eq(issues.totalNumber, candidate)))
      .limit(1);
    if (!taken) totalNumber = candidate;
  }
  return { year, number: Number(row?.maxInYear ?? 0) + 1, totalNumber };
}

/** The issue as the confirmation dialogs name it, e.g. 2017年第89期 总第226期. */
export function issueLabel(n: { year: number; number: number; totalNumber: number | null; series?: string }): string {
  const series = n.series === "supplement" ? "增刊" : "";
  return `${n.year}年${series}第${n.number}期${n.totalNumber ? ` 总第${n.totalNumber}期` : ""}`;
}
