// Reader URLs of an issue. A regular issue is /p/{slug}/{year}/{number}; a
// supplement (增刊), numbered separately, is /p/{slug}/{year}/s{number}, so
// both series share the same routes and regular URLs never change.
export type IssueSeries = "regular" | "supplement";

export interface IssueNumberRef {
  series: IssueSeries;
  number: number;
}

/** The {number} segment of a reader URL: `88` for a regular issue, `s1` for 增刊第1期. */
export function issueNumberSegment(issue: { number: number; series?: string }): string {
  return issue.series === "supplement" ? `s${issue.number}` : String(issue.number);
}

const SEGMENT = /^(s?)(\d{1,6})$/;

/** Parses the {number} segment: digits → regular, `s` + digits → supplement; anything else null. */
export function parseIssueNumberSegment(segment: string): IssueNumberRef | null {
  const m = SEGMENT.exec(segment);
  if (!m) return null;
  return { series: m[1] ? "supplement" : "regular", number: Number(m[2]) };
}

/** The reader URL of an issue, e.g. /p/sdtp/2017/88 or /p/sdtp/2017/s1. */
export function issuePath(slug: string, issue: { year: number; number: number; series?: string }): string {
  return `/p/${encodeURIComponent(slug)}/${issue.year}/${issueNumberSegment(issue)}`;
}
