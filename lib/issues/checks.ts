// 发布前检查: what must hold before an issue is asked to be signed, is
// scheduled or is published. One list, shown on the board and the signer's desk.
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { articles, issues, placements, sections } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { currentChinaYear } from "@/lib/format";

export interface IssueCheck {
  code: "no_articles" | "empty_section" | "not_accepted" | "no_editor" | "number_taken" | "year_mismatch";
  message: string;
  /** A warning is shown but does not stop publishing. */
  severity?: "warning";
}

export async function checkIssueInTx(tx: Tx, id: number): Promise<IssueCheck[]> {
  const [issue] = await tx.select({ status: issues.status, editorName: issues.editorName, year: issues.year, publishedAt: issues.publishedAt }).from(issues).where(eq(issues.id, id));
  if (!issue) throw new AppError("not_found", "期刊不存在");
  const problems: IssueCheck[] = [];
  const placed = await tx.select({ sectionId: placements.sectionId, status: articles.status, id: articles.id }).from(placements).innerJoin(articles, eq(articles.id, placements.articleId)).where(eq(placements.issueId, id));
  const sectionRows = await tx.select().from(sections).where(eq(sections.issueId, id));
  if (!placed.length) problems.push({ code: "no_articles", message: "本期还没有稿件" });
  for (const s of sectionRows) {
    if (!placed.some((p) => p.sectionId === s.id)) problems.push({ code: "empty_section", message: `栏目【${s.heading}】没有稿件` });
  }
  const bad = placed.filter((p) => p.status !== "accepted" && !(issue.status === "published" && p.status === "published"));
  if (bad.length) problems.push({ code: "not_accepted", message: `有稿件未处于“已采用”状态：${bad.map((b) => b.id).join(", ")}` });
  if (!issue.editorName?.trim()) problems.push({ code: "no_editor", message: "请填写本期编辑" });
  // 第88期 of 2017 dated in another year is a typo in one of the two (or a back issue without its date).
  const dateYear = currentChinaYear(issue.publishedAt ?? new Date());
  if (dateYear !== issue.year) {
    problems.push({ code: "year_mismatch", severity: "warning", message: `期号年份为${issue.year}年，刊发日期却在${dateYear}年${issue.publishedAt ? "" : "（未填刊发日期，按今天计）"}` });
  }
  return problems;
}

/** 422 naming every failed check (message and `checks`). */
export async function assertChecksPass(tx: Tx, id: number, what = "发布前检查未通过") {
  const problems = (await checkIssueInTx(tx, id)).filter((p) => p.severity !== "warning");
  if (problems.length) throw new AppError("invalid", `${what}：${problems.map((p) => p.message).join("；")}`, undefined, { checks: problems });
}
