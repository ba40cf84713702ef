import { DeskLink } from "@/components/workspace/desk-link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { localizeError } from "@/i18n/errors";
import { AppError } from "@/lib/errors";
import { listPublications } from "@/lib/issues/reader";
import { getUnitStats, hasActivity, type StatsReport } from "@/lib/stats/stats";
import { chinaDay } from "@/lib/stats/period";
import { formatRate } from "@/lib/stats/export";
import { WEIGHT_KEYS } from "@/lib/stats/weights";
import { formatDate } from "@/lib/format";
import { commissionNow } from "@/lib/e2e/clock";
import { StatsFilter, type StatsFilterValue } from "@/components/stats/stats-filter";
import { ScoreBarChart, TrendChart } from "@/components/stats/stats-charts";
import { DataTable, type Column } from "@/components/ui/data-table";
import { secondaryButtonClass } from "@/components/ui/styles";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("stats");

type Search = Record<string, string | undefined>;

function filterValue(search: Search, now = new Date()): StatsFilterValue {
  const d = chinaDay(now);
  const month = `${d.y}-${String(d.m).padStart(2, "0")}`;
  const kind = (["month", "quarter", "year", "custom"] as const).find((k) => k === search.kind) ?? "month";
  return {
    kind,
    month: search.month ?? month,
    quarter: search.quarter ?? `${d.y}-Q${Math.ceil(d.m / 3)}`,
    year: search.year ?? String(d.y),
    from: search.from ?? `${month}-01`,
    to: search.to ?? `${month}-${String(d.d).padStart(2, "0")}`,
    publication: search.publication ?? "",
  };
}

export default async function StatsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requireSignedIn("/workspace/stats");
  if (!can(viewer, "read:stats:any")) notFound();
  const search = await searchParams;
  // The 约稿 are counted as they stand now (the end-to-end tests' clock may set it).
  const now = commissionNow(await headers());
  const value = filterValue(search, now);
  const t = await getTranslations("stats");
  const publications = await listPublications();
  let report: StatsReport | null = null;
  let error: string | null = null;
  try {
    report = await getUnitStats(viewer, {
      kind: value.kind,
      month: value.month,
      quarter: value.quarter,
      year: value.year,
      from: value.from,
      to: value.to,
      period: search.period,
      publication: value.publication || undefined,
    }, now);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== "invalid") throw e;
    const { message, fields } = await localizeError(e);
    error = Object.values(fields ?? {}).flat()[0] ?? message;
  }
  const exportQuery = report ? new URLSearchParams({ period: report.period.key, ...(report.publication ? { publication: report.publication.slug } : {}) }) : null;
  const active = report ? report.units.filter(hasActivity).length : 0;
  const cols = ["submitted", "returned", "accepted", "rejected", "published", "leads"] as const;
  const followUpCols = ["commissionsOnTime", "commissionsLate", "commissionsMissed", "instructions", "adoptions"] as const;
  // 批示 and 上级采用 by level, as the cell's title.
  const levelsTitle = (r: StatsReport["totals"], c: (typeof followUpCols)[number]) =>
    c === "instructions" ? t("byLevel", r.instructionsByLevel) : c === "adoptions" ? t("byLevel", r.adoptionsByLevel) : undefined;
  type UnitRow = StatsReport["units"][number];
  // 排名, 单位, the counts, 采用率, 约稿 / 批示 / 上级采用, 得分 — with the period's totals (合计) at the foot.
  const columns: Column<UnitRow>[] = report
    ? [
        { header: t("cols.rank"), cell: (u) => u.rank, className: "tabular-nums" },
        {
          header: t("cols.unit"),
          cell: (u) => (
            <>
              {u.unit}
              {!u.active ? <span className="ml-2 rounded bg-stone-200 px-1.5 text-xs text-stone-600">{t("inactive")}</span> : null}
            </>
          ),
          footer: t("total"),
        },
        ...cols.map((c): Column<UnitRow> => ({ header: t(`cols.${c}`), cell: (u) => u[c], align: "right", footer: report.totals[c] })),
        { header: t("cols.rate"), cell: (u) => formatRate(u.adoptionRate) || "—", align: "right", footer: formatRate(report.totals.adoptionRate) || "—" },
        ...followUpCols.map(
          (c): Column<UnitRow> => ({
            header: t(`cols.${c}`),
            cell: (u) => u[c],
            title: (u) => levelsTitle(u, c),
            align: "right",
            footer: <span title={levelsTitle(report.totals, c)}>{report.totals[c]}</span>,
          }),
        ),
        { header: t("cols.score"), cell: (u) => u.score, align: "right", className: "font-medium", footer: report.totals.score },
      ]
    : [];
  // In the reader's language (the exported files keep their Chinese title, lib/stats/export.ts).
  const heading = report
    ? t("reportTitle", {
        range: report.period.firstDay === report.period.lastDay ? report.period.firstDay : t("range", { from: report.period.firstDay, to: report.period.lastDay }),
        publication: report.publication ? report.publication.name : t("allPublications"),
      })
    : "";
  return (
    <>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <DeskLink href="/workspace/stats/weights" className="text-sm text-stone-700 hover:underline">
          {t("weightsLink")}
        </DeskLink>
      </div>
      <StatsFilter value={value} publications={publications} />
      {error || !report ? (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("invalid", { message: error ?? "" })}
        </p>
      ) : (
        <>
          <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
            <h2 className="text-lg font-semibold">{heading}</h2>
            <div className="flex gap-2">
              <DeskLink href={`/workspace/stats/notice?${exportQuery}`} className={secondaryButtonClass}>
                {t("makeNotice")}
              </DeskLink>
              <a href={`/api/v1/stats/export?format=csv&${exportQuery}`} className={secondaryButtonClass} download>
                {t("exportCsv")}
              </a>
              <a href={`/api/v1/stats/export?format=xlsx&${exportQuery}`} className={secondaryButtonClass} download>
                {t("exportXlsx")}
              </a>
            </div>
          </div>
          <p className="mb-3 text-sm text-stone-600">
            {t("summary", { units: report.units.length, active, submitted: report.totals.submitted, accepted: report.totals.accepted, published: report.totals.published })}
          </p>
          {!hasActivity(report.totals) ? (
            <p className="mb-4 rounded border border-dashed border-stone-300 p-4 text-sm text-stone-600">{t("emptyPeriod")}</p>
          ) : null}
          <DataTable caption={heading} columns={columns} rows={report.units} rowKey={(u) => u.unitId} testId="stats-table" />
          <p className="mt-2 text-xs text-stone-500">{t("countingRule")}</p>
          <div className="mt-6 grid gap-4 xl:grid-cols-2">
            <ScoreBarChart data={report.units.filter((u) => u.score !== 0 || u.published > 0).map((u) => ({ unit: u.unit, score: u.score, ...u.scoreParts }))} />
            <TrendChart data={report.trend} />
          </div>
          <section className="mt-6 text-sm" aria-labelledby="weights-heading">
            <h2 id="weights-heading" className="mb-2 font-semibold">
              {t("weightsApplied")}
            </h2>
            <ul className="space-y-1 text-stone-700">
              {report.weights.map((w) => (
                <li key={w.id ?? "default"}>
                  <span className="text-stone-500">{w.id === null ? t("defaults") : t("since", { date: formatDate(w.effectiveFrom) })}</span>{" "}
                  {WEIGHT_KEYS.map((k) => `${t(`weights.${k}`)} ${w.weights[k]}`).join(" · ")}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </>
  );
}
