// The 信息工作通报 model and its Word file: the period named as an office
// names it, and the statistics report's numbers, unchanged, in both.
import { describe, expect, it } from "vitest";
import mammoth from "mammoth";
import { buildNotice, noticeDate, noticePeriodLabel } from "./notice";
import { parsePeriod } from "./period";
import type { StatsReport, UnitStatsRow } from "./stats";
import { noFollowUpColumns } from "./follow-up";
import { noticeDocx, noticeFileName } from "@/lib/render/notice-docx";

const unit = (rank: number, name: string, n: Partial<UnitStatsRow>): UnitStatsRow => ({
  rank,
  unitId: rank,
  unit: name,
  active: true,
  submitted: 0,
  returned: 0,
  accepted: 0,
  rejected: 0,
  published: 0,
  leads: 0,
  adoptionRate: null,
  score: 0,
  ...noFollowUpColumns(),
  ...n,
});

const report: StatsReport = {
  period: parsePeriod("2017-08"),
  publication: { slug: "sdtp", name: "山东脱贫攻坚简报" },
  units: [
    unit(1, "聊城市扶贫办", {
      submitted: 3,
      accepted: 2,
      published: 2,
      leads: 1,
      adoptionRate: 2 / 3,
      commissionsOnTime: 1,
      instructionsByLevel: { national: 0, provincial: 1, municipal: 0, county: 0 },
      instructions: 1,
      scoreParts: { articles: 25, commissions: 1, instructions: 2, adoptions: 0 },
      score: 28,
    }),
    unit(2, "威海市扶贫办", { submitted: 1, returned: 1, accepted: 1, published: 1, adoptionRate: 1, commissionsMissed: 1, scoreParts: { articles: 10, commissions: -3, instructions: 0, adoptions: 0 }, score: 7 }),
    unit(3, "省司法厅", {}),
  ],
  totals: {
    submitted: 4,
    returned: 1,
    accepted: 3,
    rejected: 0,
    published: 3,
    leads: 1,
    adoptionRate: 0.75,
    ...noFollowUpColumns(30),
    commissionsOnTime: 1,
    commissionsMissed: 1,
    instructionsByLevel: { national: 0, provincial: 1, municipal: 0, county: 0 },
    instructions: 1,
    adoptions: 0,
    scoreParts: { articles: 35, commissions: -2, instructions: 2, adoptions: 0 },
    score: 35,
  },
  trend: [],
  weights: [],
};

describe("信息工作通报", () => {
  it("names the period as an office does", () => {
    expect(noticePeriodLabel({ period: parsePeriod("2017-08") })).toBe("2017年8月份");
    expect(noticePeriodLabel({ period: parsePeriod("2017-Q3") })).toBe("2017年第三季度");
    expect(noticePeriodLabel({ period: parsePeriod("2017") })).toBe("2017年度");
    expect(noticePeriodLabel({ period: parsePeriod("2017-08-01..2017-08-15") })).toBe("2017年8月1日至2017年8月15日");
    expect(noticePeriodLabel({ period: parsePeriod("2017-08-01..2017-08-01") })).toBe("2017年8月1日");
    // Signed on the China date: 2017-08-31 20:00 UTC is 1 September in Beijing.
    expect(noticeDate(new Date("2017-08-31T20:00:00Z"))).toBe("2017年9月1日");
  });

  it("carries the report's numbers unchanged, with the totals and the issuing body", () => {
    const n = buildNotice(report, { issuingBody: "山东省扶贫开发领导小组办公室", now: new Date("2017-09-01T02:00:00Z") });
    expect(n.title).toBe("关于2017年8月份信息报送采用情况的通报");
    expect(n.paragraphs[1]).toBe("2017年8月份，共有2个单位报送信息4篇，《山东脱贫攻坚简报》采用3篇，刊用3篇，其中头条1篇。");
    expect(n.paragraphs[2]).toBe("约稿应报2篇次，按时报送1篇次，逾期报送0篇次，未报送1篇次；各单位报送的信息收到领导批示1件，被上级采用0篇次。");
    expect(n.table.headers).toEqual(["排名", "单位", "报送", "采用", "刊用", "头条", "采用率", "约稿完成", "批示", "上级采用", "得分"]);
    expect(n.table.rows).toEqual([
      { rank: "1", unit: "聊城市扶贫办", cells: ["3", "2", "2", "1", "66.7%", "1/1", "1", "0", "28"] },
      { rank: "2", unit: "威海市扶贫办", cells: ["1", "1", "1", "0", "100.0%", "0/1", "0", "0", "7"] },
      { rank: "3", unit: "省司法厅", cells: ["0", "0", "0", "0", "—", "—", "0", "0", "0"] },
    ]);
    expect(n.table.totals).toEqual({ rank: "", unit: "合计", cells: ["4", "3", "3", "1", "75.0%", "1/2", "1", "0", "35"] });
    const quiet = buildNotice({ ...report, totals: { ...report.totals, ...noFollowUpColumns(35) } }, { issuingBody: "组" });
    expect(quiet.paragraphs[2]).toBe("本期没有到期的约稿；各单位报送的信息收到领导批示0件，被上级采用0篇次。");
    expect([n.issuingBody, n.date]).toEqual(["山东省扶贫开发领导小组办公室", "2017年9月1日"]);
  });

  it("is a Word file with the title, every row, the lists and the signature", async () => {
    const n = buildNotice(report, {
      issuingBody: "山东省扶贫开发领导小组办公室",
      now: new Date("2017-09-01T02:00:00Z"),
      lists: [{ heading: "领导批示情况", items: [], none: "本期无领导批示。" }],
    });
    const text = (await mammoth.extractRawText({ buffer: await noticeDocx(n) })).value.split("\n").filter(Boolean);
    expect(text[0]).toBe("关于2017年8月份信息报送采用情况的通报");
    expect(text).toContain("一、各单位信息报送采用情况");
    for (const cell of ["聊城市扶贫办", "66.7%", "28", "约稿完成", "上级采用", "1/1", "0/1", "合计", "75.0%", "1/2", "35"]) expect(text).toContain(cell);
    expect(text).toContain("二、领导批示情况");
    expect(text).toContain("本期无领导批示。");
    expect(text.slice(-2)).toEqual(["山东省扶贫开发领导小组办公室", "2017年9月1日"]);
    expect(noticeFileName(n)).toBe("关于2017年8月份信息报送采用情况的通报.docx");
  });
});
