import { cache } from "react";
import { AppError } from "@/lib/errors";
import { getReaderIssue, IssueWithdrawnError, type ReaderIssue } from "./reader";

const INT = /^\d{1,6}$/;

export type ReaderPageIssue =
  | ({ kind: "published" } & ReaderIssue)
  | { kind: "withdrawn"; title: string; withdrawnAt: string; reason: string }
  | null;

/** The issue for a reader URL (null for "not found"); loaded once per request. */
export const loadReaderIssue = cache(async (slug: string, year: string, number: string): Promise<ReaderPageIssue> => {
  if (!INT.test(year) || !INT.test(number)) return null;
  try {
    return { kind: "published", ...(await getReaderIssue(slug, Number(year), Number(number))) };
  } catch (e) {
    if (e instanceof IssueWithdrawnError) return { kind: "withdrawn", title: e.title, withdrawnAt: e.withdrawnAt, reason: e.reason };
    if (e instanceof AppError && e.code === "not_found") return null;
    throw e;
  }
});
