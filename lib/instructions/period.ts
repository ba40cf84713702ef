// The 批示 and 上级采用 of a period, for the monthly 信息工作通报
// (lib/stats/notice.ts): who wrote or adopted what, on which unit's article,
// dated by the day the leader wrote it or the office adopted it (China days,
// both ends inclusive). For those who may read the statistics.
import { and, asc, between, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { adoptions, articles, instructions, units, type OfficialLevel } from "@/db/schema";
import { authorize, type Viewer } from "@/lib/auth/permissions";

export const LEVEL_NAMES: Record<OfficialLevel, string> = { national: "国家级", provincial: "省级", municipal: "市级", county: "县级" };

export interface PeriodInstruction {
  date: string;
  leader: string;
  level: OfficialLevel;
  unit: string;
  articleTitle: string;
}

export interface PeriodAdoption {
  date: string;
  by: string;
  level: OfficialLevel;
  note: string | null;
  unit: string;
  articleTitle: string;
}

export async function followUpInPeriod(viewer: Viewer, firstDay: string, lastDay: string): Promise<{ instructions: PeriodInstruction[]; adoptions: PeriodAdoption[] }> {
  authorize(viewer, "read:stats:any");
  const db = await getDb();
  const [inst, adopt] = await Promise.all([
    db
      .select({ date: instructions.date, leader: instructions.leader, level: instructions.level, unit: units.name, articleTitle: articles.title })
      .from(instructions)
      .innerJoin(articles, eq(articles.id, instructions.articleId))
      .innerJoin(units, eq(units.id, articles.unitId))
      .where(between(instructions.date, firstDay, lastDay))
      .orderBy(asc(instructions.date), asc(instructions.id)),
    db
      .select({ date: adoptions.date, by: adoptions.adoptedBy, level: adoptions.level, note: adoptions.note, unit: units.name, articleTitle: articles.title })
      .from(adoptions)
      .innerJoin(articles, eq(articles.id, adoptions.articleId))
      .innerJoin(units, eq(units.id, articles.unitId))
      .where(and(between(adoptions.date, firstDay, lastDay)))
      .orderBy(asc(adoptions.date), asc(adoptions.id)),
  ]);
  return { instructions: inst, adoptions: adopt };
}
