import { cache } from "react";
import { AppError } from "@/lib/errors";
import { parseIssueNumberSegment } from "./issue-path";
import { getReaderIssue, IssueWithdrawnError, type ReaderIssue } from "./reader";

const INT = /^\d{1,6}$/;

export type ReaderPageIssue =
  | ({ kind: "published" } & ReaderIssue)
  | { kind: "withdrawn"; title: string; withdrawnAt: string; reason: string }
  | null;

/** The issue for a reader URL, {number} being `88` or `s1` (增刊), null for "not found"; loaded once per request. */
export const loadReaderIssue = cache(async (slug: string, year: string, number: string): Promise<ReaderPageIssue> => {
  const ref = parseIssueNumberSegment(number);
  if (!INT.test(year) || !ref) return null;
  try {
    return { kind: "published", ...(await getReaderIssue(slug, Number(year), ref.number, ref.series)) };
  } catch (e) {
    if (e instanceof IssueWithdrawnError) return { kind: "withdrawn", title: e.title, withdrawnAt: e.withdrawnAt, reason: e.reason };
    if (e instanceof AppError && e.code === "not_found") return null;
    throw e;
  }
});
