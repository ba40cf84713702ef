// 信息工作通报: the period's statistics in the form an office circulates them —
// a title naming the period, the units addressed, a summary sentence, the
// ranking table with its totals, and the issuing body and date at the foot.
// Built from the statistics report itself, so the 通报's numbers are the
// statistics page's numbers; the printable page and the Word file both render
// this one model.
import type { Viewer } from "@/lib/auth/permissions";
import { listPublications } from "@/lib/issues/reader";
import { titleLinesOf } from "@/lib/issues/snapshot";
import { followUpInPeriod, LEVEL_NAMES, type PeriodAdoption, type PeriodInstruction } from "@/lib/instructions/period";
import { chinaDay, type PeriodParams } from "./period";
import { formatRate } from "./export";
import { getUnitStats, type StatsReport } from "./stats";

export const NOTICE_HEADERS = ["排名", "单位", "报送", "采用", "刊用", "头条", "采用率", "约稿完成", "批示", "上级采用", "得分"] as const;

export interface NoticeRow {
  /** 排名; empty on the totals row. */
  rank: string;
  unit: string;
  /** 约稿完成: answered (on time or late) of those due, "1/2"; "—" when none was due. */
  cells: [submitted: string, accepted: string, published: string, leads: string, rate: string, commissions: string, instructions: string, adoptions: string, score: string];
}

export interface NoticeList {
  heading: string;
  items: string[];
  /** Said instead of the items when there are none. */
  none: string;
}

export interface Notice {
  /** 关于2017年8月份信息报送采用情况的通报 */
  title: string;
  /** 主送: the units the notice is addressed to. */
  addressee: string;
  paragraphs: string[];
  /** 一、 The ranking: units in rank order, then the totals. */
  table: { heading: string; headers: readonly string[]; rows: NoticeRow[]; totals: NoticeRow };
  /** 二、三、… Lists after the table (e.g. the leaders' 批示 received), each with its line when empty. */
  lists: NoticeList[];
  /** 落款 and date, e.g. 山东省扶贫开发领导小组办公室 / 2017年9月1日. */
  issuingBody: string;
  date: string;
}

const QUARTERS = ["一", "二", "三", "四"];

const dayLabel = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
};

/** The period as a 通报 names it: 2017年8月份, 2017年第三季度, 2017年度, or the days. */
export function noticePeriodLabel(report: Pick<StatsReport, "period">): string {
  const p = report.period;
  const [y, m] = p.firstDay.split("-").map(Number) as [number, number];
  if (p.kind === "month") return `${y}年${m}月份`;
  if (p.kind === "quarter") return `${y}年第${QUARTERS[Math.floor((m - 1) / 3)]}季度`;
  if (p.kind === "year") return `${y}年度`;
  return p.firstDay === p.lastDay ? dayLabel(p.firstDay) : `${dayLabel(p.firstDay)}至${dayLabel(p.lastDay)}`;
}

/** 关于2017年8月份信息报送采用情况的通报: the 通报's title, and its page's. */
export function noticeTitle(period: StatsReport["period"]): string {
  return `关于${noticePeriodLabel({ period })}信息报送采用情况的通报`;
}

/** The date a 通报 is signed: in Chinese, China time. */
export function noticeDate(now = new Date()): string {
  const d = chinaDay(now);
  return `${d.y}年${d.m}月${d.d}日`;
}

export function buildNotice(report: StatsReport, options: { issuingBody: string; now?: Date; lists?: NoticeList[] }): Notice {
  const label = noticePeriodLabel(report);
  const t = report.totals;
  const active = report.units.filter((u) => u.submitted + u.returned + u.accepted + u.rejected + u.published > 0).length;
  const scope = report.publication ? `《${report.publication.name}》` : "各刊物";
  const row = (rank: string, unit: string, r: typeof t): NoticeRow => ({
    rank,
    unit,
    cells: [
      String(r.submitted),
      String(r.accepted),
      String(r.published),
      String(r.leads),
      formatRate(r.adoptionRate) || "—",
      commissionCell(r),
      String(r.instructions),
      String(r.adoptions),
      String(r.score),
    ],
  });
  const due = t.commissionsOnTime + t.commissionsLate + t.commissionsMissed;
  return {
    title: noticeTitle(report.period),
    addressee: "各供稿单位：",
    paragraphs: [
      `现将${label}各单位信息报送、采用情况通报如下。`,
      `${label}，共有${active}个单位报送信息${t.submitted}篇，${scope}采用${t.accepted}篇，刊用${t.published}篇，其中头条${t.leads}篇。`,
      (due ? `约稿应报${due}篇次，按时报送${t.commissionsOnTime}篇次，逾期报送${t.commissionsLate}篇次，未报送${t.commissionsMissed}篇次；` : "本期没有到期的约稿；") +
        `各单位报送的信息收到领导批示${t.instructions}件，被上级采用${t.adoptions}篇次。`,
    ],
    table: { heading: "各单位信息报送采用情况", headers: NOTICE_HEADERS, rows: report.units.map((u) => row(String(u.rank), u.unit, u)), totals: row("", "合计", t) },
    lists: options.lists ?? [],
    issuingBody: options.issuingBody,
    date: noticeDate(options.now),
  };
}

/** 约稿完成 as the table shows it: answered of due, or a dash when none was due. */
export function commissionCell(r: Pick<StatsReport["totals"], "commissionsOnTime" | "commissionsLate" | "commissionsMissed">): string {
  const due = r.commissionsOnTime + r.commissionsLate + r.commissionsMissed;
  return due ? `${r.commissionsOnTime + r.commissionsLate}/${due}` : "—";
}

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
/** A section's number as an official document writes it: 一、 二、 … */
export const sectionNumber = (index: number) => `${NUMERALS[index] ?? index + 1}、`;

/**
 * The 通报 for a period (and optionally one publication), for those who may
 * read the statistics. Signed by the publication's issuing body; over all
 * publications, by the issuing body they share, or the first one's.
 */
export async function getNotice(viewer: Viewer, params: PeriodParams & { publication?: string }, now = new Date()): Promise<{ report: StatsReport; notice: Notice }> {
  const report = await getUnitStats(viewer, params, now);
  const publications = await listPublications();
  const chosen = report.publication ? publications.find((p) => p.slug === report.publication!.slug) : undefined;
  const issuingBody = chosen?.issuingBody ?? publications[0]?.issuingBody ?? "";
  const followUp = await followUpInPeriod(viewer, report.period.firstDay, report.period.lastDay);
  return { report, notice: buildNotice(report, { issuingBody, now, lists: followUpLists(followUp) }) };
}

const titled = (title: string) => `《${titleLinesOf(title).join("")}》`;

/** 二、领导批示情况 and 三、上级采用情况: a sentence each, in date order. */
export function followUpLists(f: { instructions: PeriodInstruction[]; adoptions: PeriodAdoption[] }): NoticeList[] {
  return [
    {
      heading: "领导批示情况",
      items: f.instructions.map((i) => `${dayLabel(i.date)}，${i.leader}（${LEVEL_NAMES[i.level]}）对${i.unit}报送的${titled(i.articleTitle)}作出批示。`),
      none: "本期没有收到领导批示。",
    },
    {
      heading: "上级采用情况",
      items: f.adoptions.map((a) => `${dayLabel(a.date)}，${a.unit}报送的${titled(a.articleTitle)}被${a.by}（${LEVEL_NAMES[a.level]}）采用${a.note ? `，刊于${a.note}` : ""}。`),
      none: "本期没有上级采用的信息。",
    },
  ];
}
