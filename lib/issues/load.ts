// Reading an issue row for a change: shared by assembly and by what sends an issue out.
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { issues, publications } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** The issue and its publication; `lock` takes the row for update. */
export async function loadIssue(tx: Tx, id: number, lock = false) {
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError("not_found", "issue.notFound");
  const q = tx.select({ issue: issues, publication: publications }).from(issues).innerJoin(publications, eq(publications.id, issues.publicationId)).where(eq(issues.id, id));
  const [row] = lock ? await q.for("update", { of: issues }) : await q;
  if (!row) throw new AppError("not_found", "issue.notFound");
  return row;
}

