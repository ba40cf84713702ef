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
import { DEFAULT_WEIGHTS, listWeightVersions, type WeightsVersion } from "./weights";

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
  score: number;
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
  key: string | number;
  submitted: number;
  returned: number;
  accepted: number;
  rejected: number;
  published: number;
  leads: number;
  score: number;
}

/**
 * The one aggregate. Each counted event is scored with the weight version whose
 * range [effective_from, next effective_from) contains it (the defaults before
 * the first version). The lead article of an issue is the first placement in
 * reading order: articles before the first section, then by section, then position.
 */
export function aggregateQuery(from: Date, to: Date, publicationId: number | null, groupBy: "unit" | "month"): SQL {
  const w = (key: keyof typeof DEFAULT_WEIGHTS) => sql`coalesce((w.weights ->> ${key})::float8, ${DEFAULT_WEIGHTS[key]}::float8)`;
  const key = groupBy === "unit" ? sql`s.unit_id` : sql`to_char(s.at + interval '8 hours', 'YYYY-MM')`;
  return sql`
    with w as (
      select weights, effective_from as from_at,
             lead(effective_from) over (order by effective_from, id) as to_at
      from scoring_weights
    ),
    ev as (
      select e.article_id, e.type, min(e.created_at) as at
      from article_events e
      where e.created_at >= ${from.toISOString()}::timestamptz and e.created_at < ${to.toISOString()}::timestamptz
        and e.type in ('submitted', 'returned', 'accepted', 'rejected', 'published')
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
    s as (
      select a.unit_id, ev.article_id, ev.type, ev.at,
        (ev.type = 'published' and la.article_id is not null) as is_lead,
        ${w("submitted")} as w_submitted,
        ${w("accepted")} as w_accepted,
        ${w("published")} as w_published,
        ${w("lead")} as w_lead
      from ev
      join articles a on a.id = ev.article_id
      left join placements p on p.article_id = a.id
      left join issues i on i.id = p.issue_id
      left join lead_article la on la.article_id = ev.article_id
      left join w on ev.at >= w.from_at and (w.to_at is null or ev.at < w.to_at)
      where ${publicationId === null ? sql`true` : sql`coalesce(i.publication_id, a.publication_id) = ${publicationId}`}
    )
    select ${key} as key,
      count(*) filter (where s.type = 'submitted')::int as submitted,
      count(*) filter (where s.type = 'returned')::int as returned,
      count(*) filter (where s.type = 'accepted')::int as accepted,
      count(*) filter (where s.type = 'rejected')::int as rejected,
      count(*) filter (where s.type = 'published')::int as published,
      count(*) filter (where s.is_lead)::int as leads,
      coalesce(sum(case s.type
        when 'submitted' then s.w_submitted
        when 'accepted' then s.w_accepted
        when 'published' then s.w_published + case when s.is_lead then s.w_lead else 0 end
        else 0 end), 0)::float8 as score
    from s
    group by 1
  `;
}

/**
 * Runs one aggregate with enough memory for its hash and sort steps: a year of
 * events (~70,000 rows at 50,000 articles) spills to disk with PostgreSQL's
 * default 4 MB and takes twice as long. `set local` ends with the transaction.
 */
async function runAggregate(db: Db, query: SQL): Promise<AggregateRow[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '32MB'`);
    return executeRows<AggregateRow>(tx, query);
  });
}

const round2 = (n: number) => Math.round(n * 100) / 100;

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
    if (!row) throw new AppError("invalid", "刊物不存在", { publication: ["刊物不存在"] });
    publication = row;
  }
  const trend = trendRange(period);
  const [byUnit, byMonth, unitRows, versions] = await Promise.all([
    runAggregate(db, aggregateQuery(period.from, period.to, publication?.id ?? null, "unit")),
    runAggregate(db, aggregateQuery(trend.from, trend.to, publication?.id ?? null, "month")),
    db.select({ id: units.id, name: units.name, active: units.active }).from(units).orderBy(asc(units.name)),
    listWeightVersions(viewer),
  ]);

  const counts = new Map(byUnit.map((r) => [Number(r.key), r]));
  const rows = unitRows
    .map((u) => {
      const c = counts.get(u.id);
      const n = (k: keyof AggregateRow) => Number(c?.[k] ?? 0);
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
        score: round2(n("score")),
      };
    })
    // A deactivated unit with nothing in the period is left out; its history still shows in its periods.
    .filter((r) => r.active || r.submitted + r.returned + r.accepted + r.rejected + r.published > 0)
    .sort((a, b) => b.score - a.score || b.published - a.published || b.accepted - a.accepted || a.unit.localeCompare(b.unit, "zh-CN"));
  // Competition ranking: equal scores share a rank (1, 1, 3).
  rows.forEach((r, i) => (r.rank = i > 0 && rows[i - 1]!.score === r.score ? rows[i - 1]!.rank : i + 1));

  const sum = (k: "submitted" | "returned" | "accepted" | "rejected" | "published" | "leads" | "score") => rows.reduce((s, r) => s + r[k], 0);
  const totals = {
    submitted: sum("submitted"),
    returned: sum("returned"),
    accepted: sum("accepted"),
    rejected: sum("rejected"),
    published: sum("published"),
    leads: sum("leads"),
    adoptionRate: sum("submitted") ? sum("accepted") / sum("submitted") : null,
    score: round2(sum("score")),
  };

  const monthly = new Map(byMonth.map((r) => [String(r.key), r]));
  const trendRows = trend.months.map((month) => {
    const r = monthly.get(month);
    return { month, submitted: Number(r?.submitted ?? 0), accepted: Number(r?.accepted ?? 0), published: Number(r?.published ?? 0), score: round2(Number(r?.score ?? 0)) };
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
