// The statistics' 约稿, 批示 and 上级采用: per unit, over the period, how many
// commissions it answered on time, answered late or missed, how many 批示 its
// articles drew and how many were adopted upstream, by level — and their
// points, each with the weights in force when it happened:
//   约稿 — counted in the period its deadline falls in, with its status at the
//          period's end (or now, if earlier), by commissionStatus; one still
//          open then (deadline after now) is not counted yet; a cancelled
//          (撤销) one is never counted. Weighed at the deadline.
//   批示, 上级采用 — counted by their date (the China day the leader wrote it,
//          the office adopted it), on the unit of the article. Weighed with
//          the weights in force as that day ends: a version set during the
//          day applies to the day's 批示 (recorded the same day, as a rule).
// Three grouped queries (commissions with their units' answers, instructions,
// adoptions) for the period and the trend's months together, never one per unit.
import { and, gte, isNull, lt, sql, type SQL } from "drizzle-orm";
import { executeRows, type Db } from "@/db";
import { commissions, OFFICIAL_LEVELS, type OfficialLevel } from "@/db/schema";
import { commissionStatus, unitStatesOf } from "@/lib/commissions/commissions";
import { chinaDay } from "./period";
import { weightsIn, type WeightKey, type WeightsVersion } from "./weights";

export type LevelCounts = Record<OfficialLevel, number>;

export interface FollowUpCounts {
  commissionsOnTime: number;
  commissionsLate: number;
  commissionsMissed: number;
  instructions: LevelCounts;
  adoptions: LevelCounts;
  /** Points of the commissions (negative when missed ones outweigh), the instructions and the adoptions. */
  scores: { commissions: number; instructions: number; adoptions: number };
}

export const emptyLevels = (): LevelCounts => ({ national: 0, provincial: 0, municipal: 0, county: 0 });
export const levelTotal = (c: LevelCounts) => OFFICIAL_LEVELS.reduce((s, l) => s + c[l], 0);

export function emptyFollowUp(): FollowUpCounts {
  return { commissionsOnTime: 0, commissionsLate: 0, commissionsMissed: 0, instructions: emptyLevels(), adoptions: emptyLevels(), scores: { commissions: 0, instructions: 0, adoptions: 0 } };
}

/** The follow-up columns of a statistics row with nothing counted (fixtures of renderer tests, a unit with nothing due). */
export function noFollowUpColumns(articleScore = 0) {
  return {
    commissionsOnTime: 0,
    commissionsLate: 0,
    commissionsMissed: 0,
    instructionsByLevel: emptyLevels(),
    instructions: 0,
    adoptionsByLevel: emptyLevels(),
    adoptions: 0,
    scoreParts: { articles: articleScore, commissions: 0, instructions: 0, adoptions: 0 },
  };
}

const capital = (level: OfficialLevel) => `${level[0]!.toUpperCase()}${level.slice(1)}` as Capitalize<OfficialLevel>;
export const instructionWeightKey = (level: OfficialLevel): WeightKey => `instruction${capital(level)}`;
export const adoptionWeightKey = (level: OfficialLevel): WeightKey => `adoption${capital(level)}`;

const monthOfDay = (day: string) => day.slice(0, 7);
const monthOf = (at: Date) => {
  const d = chinaDay(at);
  return `${d.y}-${String(d.m).padStart(2, "0")}`;
};
/** The last instant of a China day. */
const dayEnd = (day: string) => new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000 - 1);

const COUNT_OF = { commissionOnTime: "commissionsOnTime", commissionLate: "commissionsLate", commissionMissed: "commissionsMissed" } as const;

type Range = { from: Date; to: Date; firstDay: string; lastDay: string };

/** Whether an article (alias `a`) belongs to the publication: by the issue it is placed in, else its own. */
const ofPublication = (publicationId: number | null): SQL =>
  publicationId === null
    ? sql`true`
    : sql`coalesce((select i.publication_id from placements p join issues i on i.id = p.issue_id where p.article_id = a.id limit 1), a.publication_id) = ${publicationId}`;

interface LevelRow {
  unit_id: number;
  level: OfficialLevel;
  day: string;
  n: number;
}

/**
 * The follow-up counts by unit over `period`, and their points by month over
 * `trend` (months 'YYYY-MM', China time). `now` bounds the commissions'
 * status; `versions` are the weight versions, newest first.
 */
export async function followUpStats(
  db: Db,
  ranges: { period: Range; trend: Range },
  publicationId: number | null,
  versions: readonly Pick<WeightsVersion, "weights" | "effectiveFrom">[],
  now: Date,
): Promise<{ byUnit: Map<number, FollowUpCounts>; byMonth: Map<string, number> }> {
  const { period, trend } = ranges;
  const from = new Date(Math.min(+period.from, +trend.from));
  const to = new Date(Math.max(+period.to, +trend.to));
  const firstDay = period.firstDay < trend.firstDay ? period.firstDay : trend.firstDay;
  const lastDay = period.lastDay > trend.lastDay ? period.lastDay : trend.lastDay;
  const levelQuery = (table: "instructions" | "adoptions") => sql`
    select a.unit_id, x.level, to_char(x.date, 'YYYY-MM-DD') as day, count(*)::int as n
    from ${sql.identifier(table)} x join articles a on a.id = x.article_id
    where x.date between ${firstDay}::date and ${lastDay}::date and ${ofPublication(publicationId)}
    group by a.unit_id, x.level, x.date`;
  const [due, instructionRows, adoptionRows] = await Promise.all([
    db
      .select({ id: commissions.id, deadline: commissions.deadline })
      .from(commissions)
      .where(and(gte(commissions.deadline, from), lt(commissions.deadline, to), isNull(commissions.cancelledAt), publicationId === null ? undefined : sql`${commissions.publicationId} = ${publicationId}`)),
    executeRows<LevelRow>(db, levelQuery("instructions")),
    executeRows<LevelRow>(db, levelQuery("adoptions")),
  ]);
  const states = await unitStatesOf(db, due, now);

  const byUnit = new Map<number, FollowUpCounts>();
  const byMonth = new Map<string, number>();
  const unit = (id: number) => byUnit.get(id) ?? byUnit.set(id, emptyFollowUp()).get(id)!;
  const addMonth = (month: string, points: number) => byMonth.set(month, (byMonth.get(month) ?? 0) + points);
  const inPeriod = (at: Date) => at >= period.from && at < period.to;
  const inTrend = (at: Date) => at >= trend.from && at < trend.to;
  const periodNow = new Date(Math.min(+period.to, +now));
  const trendNow = new Date(Math.min(+trend.to, +now));

  for (const c of due) {
    const weights = weightsIn(versions, c.deadline);
    for (const s of states.get(c.id) ?? []) {
      const answeredAt = s.answeredAt ? new Date(s.answeredAt) : null;
      // The status at the end of the range (or now): answered, or missed; one still open is not counted yet.
      const at = (end: Date) => {
        const { status, late } = commissionStatus(c.deadline, answeredAt, end);
        if (status === "open") return null;
        const key = status === "missed" ? "commissionMissed" : late ? "commissionLate" : "commissionOnTime";
        return { key, points: weights[key] } as const;
      };
      if (inPeriod(c.deadline)) {
        const r = at(periodNow);
        if (r) {
          const u = unit(s.unitId);
          u[COUNT_OF[r.key]] += 1;
          u.scores.commissions += r.points;
        }
      }
      if (inTrend(c.deadline)) {
        const r = at(trendNow);
        if (r) addMonth(monthOf(c.deadline), r.points);
      }
    }
  }

  const levels = (rows: LevelRow[], kind: "instructions" | "adoptions", weightKey: (l: OfficialLevel) => WeightKey) => {
    for (const r of rows) {
      const points = weightsIn(versions, dayEnd(r.day))[weightKey(r.level)] * r.n;
      if (r.day >= period.firstDay && r.day <= period.lastDay) {
        const u = unit(r.unit_id);
        u[kind][r.level] += r.n;
        u.scores[kind] += points;
      }
      if (r.day >= trend.firstDay && r.day <= trend.lastDay) addMonth(monthOfDay(r.day), points);
    }
  };
  levels(instructionRows, "instructions", instructionWeightKey);
  levels(adoptionRows, "adoptions", adoptionWeightKey);
  return { byUnit, byMonth };
}
