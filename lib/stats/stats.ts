// 信息采用统计: per unit, for a period and optionally a publication, how many
// articles were submitted, returned, accepted (采用), rejected and published,
// the adoption rate, and a score from the weights in force when each event
// happened. Two aggregate queries (ranking, monthly trend), never a loop per unit.
//
// Counting rule: an article counts once per kind of event in the period (an
// article returned twice is one returned article; a resubmission is not a
// second submission). 采用率 = accepted ÷ submitted, both in the period.
import { asc, eq, sql, type SQL } from "drizzle-orm";
import { executeRows, getDb, type Db } from "@/db";
import { publications, units } from "@/db/schema";
import { authorize, type Viewer } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { resolvePeriod, trendRange, type Period, type PeriodParams } from "./period";
import { emptyFollowUp, emptyLevels, followUpStats, levelTotal, type LevelCounts } from "./follow-up";
import { OFFICIAL_LEVELS } from "@/lib/instructions/levels";
import { DEFAULT_WEIGHTS, EVENT_WEIGHT_KEYS, listWeightVersions, type WeightsVersion } from "./weights";

export const COUNTED_EVENTS = ["submitted", "returned", "accepted", "rejected", "published"] as const;

export interface UnitStatsRow {
  rank: number;
  unitId: number;
  unit: string;
  active: boolean;
  submitted: number;
  returned: number;
  accepted: number;
  rejected: number;
  published: number;
  /** Published articles that led their issue (the first placement). */
  leads: number;
  /** accepted ÷ submitted, or null when nothing was submitted */
  adoptionRate: number | null;
  /** 约稿 due in the period: answered on time, answered late, missed (lib/stats/follow-up.ts). */
  commissionsOnTime: number;
  commissionsLate: number;
  commissionsMissed: number;
  /** 批示 on the unit's articles dated in the period, by level, and their total. */
  instructionsByLevel: LevelCounts;
  instructions: number;
  /** 上级采用 of the unit's articles dated in the period, by level, and their total. */
  adoptionsByLevel: LevelCounts;
  adoptions: number;
  /** The score's parts: article events, 约稿, 批示, 上级采用. */
  scoreParts: ScoreParts;
  score: number;
}

export interface ScoreParts {
  articles: number;
  commissions: number;
  instructions: number;
  adoptions: number;
}

export interface TrendRow {
  month: string;
  submitted: number;
  accepted: number;
  published: number;
  score: number;
}

export interface StatsReport {
  period: Period;
  publication: { slug: string; name: string } | null;
  units: UnitStatsRow[];
  totals: Omit<UnitStatsRow, "rank" | "unitId" | "unit" | "active">;
  trend: TrendRow[];
  /** The weight versions that applied to some part of the period (oldest first); `null` id = the defaults. */
  weights: (Omit<WeightsVersion, "id"> & { id: number | null })[];
}

interface AggregateRow {
  /** `unit`: the ranking over the period, keyed by unit id; `month`: the trend, keyed by 'YYYY-MM' (China time). */
  scope: "unit" | "month";
  key: string;
  submitted: number;
  returned: number;
  accepted: number;
  rejected: number;
  published: number;
  leads: number;
  score: number;
}

/** The events the monthly trend needs: it shows submissions, adoptions and publications, and only they carry a score. */
const TREND_EVENTS = ["submitted", "accepted", "published"] as const;

type Range = { from: Date; to: Date };
const sameRange = (a: Range, b: Range) => +a.from === +b.from && +a.to === +b.to;

/**
 * The one aggregate, for the ranking (`period`, by unit), the trend (`trend`,
 * by month) or both in one pass over the events of the two ranges. For each
 * article and kind of event it keeps the first event in the period and the
 * first in the trend's months; the two differ when, say, an article was
 * submitted twice, once before the period. Each counted event is scored with
 * the weight version whose range [effective_from, next effective_from)
 * contains it (the defaults before the first version). The lead article of an
 * issue is the first placement in reading order: articles before the first
 * section, then by section, then position.
 *
 * Built for speed at 50,000 articles (bench:stats): the weights are read out of
 * their JSON once per version, not once per event; articles are joined only
 * for the units or a publication, placements and issues only for a publication
 * (an article has at most one placement); the trend reads only the kinds of
 * event it shows.
 */
export function aggregateQuery(ranges: { period?: Range; trend?: Range }, publicationId: number | null): SQL {
  const { period, trend } = ranges;
  if (!period && !trend) throw new Error("aggregateQuery needs a period or a trend");
  const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
  const asked = [period, trend].filter((r): r is Range => r !== undefined);
  const from = new Date(Math.min(...asked.map((r) => +r.from)));
  const to = new Date(Math.max(...asked.map((r) => +r.to)));
  // Over the same range the trend's first event is the period's (for the kinds the trend reads): one weight lookup serves both.
  const oneRange = !!period && !!trend && sameRange(period, trend);
  const list = (types: readonly string[]) => sql.join(types.map((t) => sql`${t}`), sql`, `);
  const inRange = (r: Range) => sql`e.created_at >= ${ts(r.from)} and e.created_at < ${ts(r.to)}`;
  const weights = (alias: "wp" | "wt") =>
    sql.join(EVENT_WEIGHT_KEYS.map((key) => sql`${sql.identifier(alias)}.${sql.identifier(`w_${key}`)} as ${sql.identifier(`${alias}_${key}`)}`), sql`, `);
  // The score of k's rows with the weights in force at the period's (wp) or the trend's (wt) first event.
  const score = (alias: "wp" | "wt") => {
    const weight = (key: (typeof EVENT_WEIGHT_KEYS)[number]) => sql`coalesce(k.${sql.identifier(`${alias}_${key}`)}, ${DEFAULT_WEIGHTS[key]}::float8)`;
    return sql`coalesce(sum(case k.type
        when 'submitted' then ${weight("submitted")}
        when 'accepted' then ${weight("accepted")}
        when 'published' then ${weight("published")} + case when k.is_lead then ${weight("lead")} else 0 end
        else 0 end), 0)::float8`;
  };
  const trendWeights = oneRange ? "wp" : "wt";
  const joinWeights = (alias: "wp" | "wt", at: SQL) =>
    sql`left join w ${sql.identifier(alias)} on ${at} >= ${sql.identifier(alias)}.from_at and (${sql.identifier(alias)}.to_at is null or ${at} < ${sql.identifier(alias)}.to_at)`;
  return sql`
    with w as (
      select effective_from as from_at,
             lead(effective_from) over (order by effective_from, id) as to_at,
             ${sql.join(EVENT_WEIGHT_KEYS.map((key) => sql`(weights ->> ${key})::float8 as ${sql.identifier(`w_${key}`)}`), sql`, `)}
      from scoring_weights
    ),
    ev as (
      select e.article_id, e.type,
        ${period ? sql`min(e.created_at) filter (where ${inRange(period)})` : sql`null::timestamptz`} as at_period,
        ${trend ? sql`min(e.created_at) filter (where ${inRange(trend)} and e.type in (${list(TREND_EVENTS)}))` : sql`null::timestamptz`} as at_trend
      from article_events e
      where e.created_at >= ${ts(from)} and e.created_at < ${ts(to)} and e.type in (${list(period ? COUNTED_EVENTS : TREND_EVENTS)})
      group by e.article_id, e.type
    ),
    -- The lead article of each issue that has a publication counted here.
    lead_article as (
      select distinct on (p.issue_id) p.article_id
      from placements p
      left join sections sec on sec.id = p.section_id
      where p.issue_id in (
        select pp.issue_id from placements pp join ev on ev.article_id = pp.article_id and ev.type = 'published'
      )
      order by p.issue_id, sec.position asc nulls first, p.position, p.id
    ),
    k as (
      select ev.type,
        ${period ? sql`case when ev.at_period is not null then a.unit_id end` : sql`null::int`} as unit_key,
        date_trunc('month', ev.at_trend + interval '8 hours') as month_key,
        (ev.type = 'published' and la.article_id is not null) as is_lead
        ${period ? sql`, ${weights("wp")}` : sql``}
        ${trend && !oneRange ? sql`, ${weights("wt")}` : sql``}
      from ev
      ${period || publicationId !== null ? sql`join articles a on a.id = ev.article_id` : sql``}
      ${publicationId === null ? sql`` : sql`left join placements p on p.article_id = a.id left join issues i on i.id = p.issue_id`}
      left join lead_article la on la.article_id = ev.article_id
      ${period ? joinWeights("wp", sql`ev.at_period`) : sql``}
      ${trend && !oneRange ? joinWeights("wt", sql`ev.at_trend`) : sql``}
      ${publicationId === null ? sql`` : sql`where coalesce(i.publication_id, a.publication_id) = ${publicationId}`}
    )
    select case when grouping(k.unit_key) = 0 then 'unit' else 'month' end as scope,
      case when grouping(k.unit_key) = 0 then k.unit_key::text else to_char(k.month_key, 'YYYY-MM') end as key,
      count(*) filter (where k.type = 'submitted')::int as submitted,
      count(*) filter (where k.type = 'returned')::int as returned,
      count(*) filter (where k.type = 'accepted')::int as accepted,
      count(*) filter (where k.type = 'rejected')::int as rejected,
      count(*) filter (where k.type = 'published')::int as published,
      count(*) filter (where k.is_lead)::int as leads,
      case when grouping(k.unit_key) = 0 then ${period ? score("wp") : sql`0`} else ${trend ? score(trendWeights) : sql`0`} end as score
    from k
    group by grouping sets ((k.unit_key), (k.month_key))
    -- Events outside one of the two ranges (all of them, for a range not asked for) fall into that grouping's null key.
    having (grouping(k.unit_key) = 0 and k.unit_key is not null) or (grouping(k.month_key) = 0 and k.month_key is not null)
  `;
}

/**
 * Runs one aggregate with enough memory for its hash and sort steps: a year of
 * events (~70,000 rows at 50,000 articles) spills to disk with PostgreSQL's
 * default 4 MB and takes twice as long. The planner underestimates how many of
 * the events are publications and sorts tens of thousands of them to merge-join
 * the lead articles; a hash join is cheaper at every size. `set local` ends with
 * the transaction.
 */
async function runAggregate(db: Db, query: SQL): Promise<AggregateRow[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '32MB'`);
    await tx.execute(sql`set local enable_mergejoin = off`);
    return executeRows<AggregateRow>(tx, query);
  });
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Anything counted for the unit in the period: an article event, a commission due, a 批示 or an 上级采用. */
export function hasActivity(r: Omit<UnitStatsRow, "rank" | "unitId" | "unit" | "active">): boolean {
  return r.submitted + r.returned + r.accepted + r.rejected + r.published + r.commissionsOnTime + r.commissionsLate + r.commissionsMissed + r.instructions + r.adoptions > 0;
}

/** The statistics report (editors and admins). */
export async function getUnitStats(viewer: Viewer, params: PeriodParams & { publication?: string }, now = new Date()): Promise<StatsReport> {
  authorize(viewer, "read:stats:any");
  const period = resolvePeriod(params, now);
  const db = await getDb();
  let publication: { id: number; slug: string; name: string } | null = null;
  if (params.publication) {
    const [row] = await db
      .select({ id: publications.id, slug: publications.slug, name: publications.name })
      .from(publications)
      .where(eq(publications.slug, params.publication))
      .limit(1);
    if (!row) throw new AppError("invalid", "publication.notFound", { publication: ["publication.notFound"] });
    publication = row;
  }
  const trend = trendRange(period);
  // A year's ranking covers the trend's twelve months: one pass serves both. Otherwise the trend reads
  // many more events than the ranking, and two queries (side by side on PostgreSQL) cost less than one.
  const publicationId = publication?.id ?? null;
  const aggregates = sameRange(period, trend)
      ? [aggregateQuery({ period, trend }, publicationId)]
      : [aggregateQuery({ period }, publicationId), aggregateQuery({ trend }, publicationId)];
  const versionsRead = listWeightVersions(viewer);
  const [aggregate, unitRows, versions, followUp] = await Promise.all([
    Promise.all(aggregates.map((q) => runAggregate(db, q))).then((parts) => parts.flat()),
    db.select({ id: units.id, name: units.name, active: units.active }).from(units).orderBy(asc(units.name)),
    versionsRead,
    versionsRead.then((v) => followUpStats(db, { period, trend }, publicationId, v, now)),
  ]);

  const counts = new Map(aggregate.filter((r) => r.scope === "unit").map((r) => [Number(r.key), r]));
  const rows: UnitStatsRow[] = unitRows
    .map((u) => {
      const c = counts.get(u.id);
      const n = (k: keyof AggregateRow) => Number(c?.[k] ?? 0);
      const f = followUp.byUnit.get(u.id) ?? emptyFollowUp();
      const scoreParts = { articles: round2(n("score")), commissions: round2(f.scores.commissions), instructions: round2(f.scores.instructions), adoptions: round2(f.scores.adoptions) };
      return {
        rank: 0,
        unitId: u.id,
        unit: u.name,
        active: u.active,
        submitted: n("submitted"),
        returned: n("returned"),
        accepted: n("accepted"),
        rejected: n("rejected"),
        published: n("published"),
        leads: n("leads"),
        adoptionRate: n("submitted") ? n("accepted") / n("submitted") : null,
        commissionsOnTime: f.commissionsOnTime,
        commissionsLate: f.commissionsLate,
        commissionsMissed: f.commissionsMissed,
        instructionsByLevel: f.instructions,
        instructions: levelTotal(f.instructions),
        adoptionsByLevel: f.adoptions,
        adoptions: levelTotal(f.adoptions),
        scoreParts,
        score: round2(scoreParts.articles + scoreParts.commissions + scoreParts.instructions + scoreParts.adoptions),
      };
    })
    // A deactivated unit with nothing in the period is left out; its history still shows in its periods.
    .filter((r) => r.active || hasActivity(r))
    .sort((a, b) => b.score - a.score || b.published - a.published || b.accepted - a.accepted || a.unit.localeCompare(b.unit, "zh-CN"));
  // Competition ranking: equal scores share a rank (1, 1, 3).
  rows.forEach((r, i) => (r.rank = i > 0 && rows[i - 1]!.score === r.score ? rows[i - 1]!.rank : i + 1));

  type Summed = "submitted" | "returned" | "accepted" | "rejected" | "published" | "leads" | "commissionsOnTime" | "commissionsLate" | "commissionsMissed" | "instructions" | "adoptions";
  const sum = (k: Summed) => rows.reduce((s, r) => s + r[k], 0);
  const sumLevels = (k: "instructionsByLevel" | "adoptionsByLevel") => {
    const out = emptyLevels();
    for (const r of rows) for (const l of OFFICIAL_LEVELS) out[l] += r[k][l];
    return out;
  };
  const sumParts = (k: keyof ScoreParts) => round2(rows.reduce((s, r) => s + r.scoreParts[k], 0));
  const totals: StatsReport["totals"] = {
    submitted: sum("submitted"),
    returned: sum("returned"),
    accepted: sum("accepted"),
    rejected: sum("rejected"),
    published: sum("published"),
    leads: sum("leads"),
    adoptionRate: sum("submitted") ? sum("accepted") / sum("submitted") : null,
    commissionsOnTime: sum("commissionsOnTime"),
    commissionsLate: sum("commissionsLate"),
    commissionsMissed: sum("commissionsMissed"),
    instructionsByLevel: sumLevels("instructionsByLevel"),
    instructions: sum("instructions"),
    adoptionsByLevel: sumLevels("adoptionsByLevel"),
    adoptions: sum("adoptions"),
    scoreParts: { articles: sumParts("articles"), commissions: sumParts("commissions"), instructions: sumParts("instructions"), adoptions: sumParts("adoptions") },
    score: round2(rows.reduce((s, r) => s + r.score, 0)),
  };

  const monthly = new Map(aggregate.filter((r) => r.scope === "month").map((r) => [r.key, r]));
  const trendRows = trend.months.map((month) => {
    const r = monthly.get(month);
    const score = Number(r?.score ?? 0) + (followUp.byMonth.get(month) ?? 0);
    return { month, submitted: Number(r?.submitted ?? 0), accepted: Number(r?.accepted ?? 0), published: Number(r?.published ?? 0), score: round2(score) };
  });

  // Versions overlapping the period, oldest first; the defaults when the period starts before the first version.
  const ascending = [...versions].reverse();
  const applied: StatsReport["weights"] = [];
  ascending.forEach((v, i) => {
    const start = new Date(v.effectiveFrom);
    const end = ascending[i + 1] ? new Date(ascending[i + 1]!.effectiveFrom) : null;
    if (start < period.to && (!end || end > period.from) && (!end || end > start)) applied.push(v);
  });
  if (!ascending.length || new Date(ascending[0]!.effectiveFrom) > period.from) {
    applied.unshift({ id: null, weights: DEFAULT_WEIGHTS, effectiveFrom: new Date(0).toISOString(), createdBy: null, createdAt: new Date(0).toISOString() });
  }

  return {
    period,
    publication: publication ? { slug: publication.slug, name: publication.name } : null,
    units: rows,
    totals,
    trend: trendRows,
    weights: applied,
  };
}
