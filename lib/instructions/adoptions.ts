// 上级采用/转报: an editor records that a published article was forwarded to
// and adopted by a higher office (省政府办公厅, 国务院办公厅 …), when, and
// where it ran (《政务信息》第12期). Scored by level later (the statistics).
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { adoptions, users, type OfficialLevel } from "@/db/schema";
import { authorize, type Viewer } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/audit";
import { levelSchema, lockPublishedArticle, plain, refuseFutureDay, type Clock } from "./instructions";

export const adoptionInputSchema = z
  .object({
    by: z.string({ message: "请填写采用单位" }).transform(plain).pipe(z.string().trim().min(1, "请填写采用单位").max(100, "采用单位不能超过 100 字")),
    level: levelSchema,
    date: z.iso.date({ message: "请填写有效的日期（年-月-日）" }),
    note: z
      .string()
      .transform(plain)
      .pipe(z.string().trim().max(500, "刊用情况不能超过 500 字"))
      .optional()
      .nullable(),
  })
  .strict();
export type AdoptionInput = z.infer<typeof adoptionInputSchema>;

export interface AdoptionView {
  id: number;
  by: string;
  level: OfficialLevel;
  date: string;
  note: string | null;
  recordedBy: string | null;
  recordedAt: string;
}

const actorId = (viewer: Viewer) => (viewer.kind === "user" ? viewer.id : null);

/** 记录上级采用 on a published article (editors). */
export async function recordAdoption(viewer: Viewer, articleId: number, input: AdoptionInput, clock: Clock = {}): Promise<{ id: number }> {
  authorize(viewer, "record:adoption:any");
  const now = clock.now ?? new Date();
  refuseFutureDay(input.date, now, "date");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const article = await lockPublishedArticle(tx, articleId, "adoption.articleNotPublished");
    const [row] = await tx
      .insert(adoptions)
      .values({ articleId: article.id, adoptedBy: input.by, level: input.level, date: input.date, note: input.note || null, recordedById: actorId(viewer), createdAt: now })
      .returning({ id: adoptions.id });
    await recordAudit(tx, viewer, {
      action: "article.adoption",
      targetType: "article",
      targetId: article.id,
      details: { adoptionId: row!.id, by: input.by, level: input.level, date: input.date, note: input.note || null },
    });
    return { id: row!.id };
  });
}

/** The adoptions of one article: only through articleFollowUp, which checks the viewer may see it. */
export async function listArticleAdoptions(articleId: number): Promise<AdoptionView[]> {
  const db = await getDb();
  const rows = await db
    .select({ a: adoptions, recordedBy: users.name })
    .from(adoptions)
    .leftJoin(users, eq(users.id, adoptions.recordedById))
    .where(eq(adoptions.articleId, articleId))
    .orderBy(asc(adoptions.date), asc(adoptions.id));
  return rows.map((r) => ({ id: r.a.id, by: r.a.adoptedBy, level: r.a.level, date: r.a.date, note: r.a.note, recordedBy: r.recordedBy, recordedAt: r.a.createdAt.toISOString() }));
}
