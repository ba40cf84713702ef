// What the new-issue form offers: the next free numbers for the year the
// editor chose, and the issue they follow (shown beside the fields, so a
// wrong year or a gap is seen before the issue exists).
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { publications } from "@/db/schema";
import { authorize, type Viewer } from "@/lib/auth/permissions";
import { AppError, msg } from "@/lib/errors";
import { currentChinaYear } from "@/lib/format";
import { issueTitle, nextIssueNumbers, previousIssue, type IssueNumbers } from "./numbering";

export const issueOfferQuerySchema = z
  .object({
    publication: z.string().min(1).max(100),
    year: z.coerce.number().int().min(1949).max(9999).optional(),
    series: z.enum(["regular", "supplement"]).optional(),
  })
  .strict();
export type IssueOfferQuery = z.infer<typeof issueOfferQuerySchema>;

export interface IssueOffer extends IssueNumbers {
  series: "regular" | "supplement";
  /** The issue the new one follows: the last one numbered in that year or before. */
  previous: { id: number; year: number; number: number; totalNumber: number | null; title: string; status: string; publishedAt: string | null } | null;
}

/** The numbers a new issue of `year` is offered, and the issue before it. */
export async function offerIssueNumbers(viewer: Viewer, input: IssueOfferQuery): Promise<IssueOffer> {
  authorize(viewer, "manage:issue:any");
  const { publication: slug, year = currentChinaYear(), series = "regular" } = input;
  const db = await getDb();
  const [publication] = await db.select().from(publications).where(eq(publications.slug, slug));
  if (!publication) throw new AppError("invalid", msg("publication.noSuchSlug", { slug }), { publication: ["publication.notFound"] });
  const [numbers, previous] = await Promise.all([nextIssueNumbers(db, publication.id, year, series), previousIssue(db, publication.id, year, series)]);
  return {
    ...numbers,
    series,
    previous: previous && {
      id: previous.id,
      year: previous.year,
      number: previous.number,
      totalNumber: previous.totalNumber,
      title: issueTitle(publication.name, previous, publication.showTotalNumber),
      status: previous.status,
      publishedAt: previous.publishedAt?.toISOString() ?? null,
    },
  };
}
