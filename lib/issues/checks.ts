// 发布前检查: what must hold before an issue is asked to be signed, is
// scheduled or is published. One list, shown on the board and the signer's desk.
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { articles, issues, placements, sections } from "@/db/schema";
import { AppError, formatError, msg, type ErrorKey, type ErrorMessage } from "@/lib/errors";
import { currentChinaYear } from "@/lib/format";

export interface IssueCheck {
  code: "no_articles" | "empty_section" | "not_accepted" | "no_editor" | "number_taken" | "year_mismatch";
  /** In Chinese, as the desks and the API list it. */
  message: string;
  /** A warning is shown but does not stop publishing. */
  severity?: "warning";
}

/** A check and its message as a catalogue message, for the error that names it in the asker's language. */
type CheckWithText = IssueCheck & { text: ErrorMessage };
const check = (code: IssueCheck["code"], text: ErrorMessage): CheckWithText => ({ code, message: formatError(text), text });

export async function checkIssueInTx(tx: Tx, id: number): Promise<IssueCheck[]> {
  return (await checksWithTextInTx(tx, id)).map(({ text: _text, ...c }) => c);
}

async function checksWithTextInTx(tx: Tx, id: number): Promise<CheckWithText[]> {
  const [issue] = await tx.select({ status: issues.status, editorName: issues.editorName, year: issues.year, publishedAt: issues.publishedAt }).from(issues).where(eq(issues.id, id));
  if (!issue) throw new AppError("not_found", "issue.notFound");
  const problems: CheckWithText[] = [];
  const placed = await tx.select({ sectionId: placements.sectionId, status: articles.status, id: articles.id }).from(placements).innerJoin(articles, eq(articles.id, placements.articleId)).where(eq(placements.issueId, id));
  const sectionRows = await tx.select().from(sections).where(eq(sections.issueId, id));
  if (!placed.length) problems.push(check("no_articles", "check.noArticles"));
  for (const s of sectionRows) {
    if (!placed.some((p) => p.sectionId === s.id)) problems.push(check("empty_section", msg("check.emptySection", { heading: s.heading })));
  }
  const bad = placed.filter((p) => p.status !== "accepted" && !(issue.status === "published" && p.status === "published"));
  if (bad.length) problems.push(check("not_accepted", msg("check.notAccepted", { ids: bad.map((b) => b.id).join(", ") })));
  if (!issue.editorName?.trim()) problems.push(check("no_editor", "check.noEditor"));
  // 第88期 of 2017 dated in another year is a typo in one of the two (or a back issue without its date).
  const dateYear = currentChinaYear(issue.publishedAt ?? new Date());
  if (dateYear !== issue.year) {
    problems.push({ ...check("year_mismatch", msg("check.yearMismatch", { year: issue.year, dateYear, assumed: issue.publishedAt ? "" : msg("check.dateAssumedToday") })), severity: "warning" });
  }
  return problems;
}

/** 422 naming every failed check (message and `checks`). */
export async function assertChecksPass(tx: Tx, id: number, what: ErrorKey = "issue.checksFailed") {
  const problems = (await checksWithTextInTx(tx, id)).filter((p) => p.severity !== "warning");
  if (problems.length) {
    throw new AppError("invalid", msg("issue.checksFailedList", { what: msg(what), problems: problems.map((p) => p.text) }), undefined, {
      checks: problems.map(({ text: _text, ...p }) => p),
    });
  }
}
