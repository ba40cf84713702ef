// Exports of the statistics report: CSV (UTF-8 with a BOM, so Excel on Chinese
// Windows opens it with the right characters; CRLF lines) and .xlsx.
import ExcelJS from "exceljs";
import { OFFICIAL_LEVELS } from "@/lib/instructions/levels";
import { LEVEL_NAMES } from "@/lib/instructions/period";
import type { StatsReport, UnitStatsRow } from "./stats";

export const CSV_HEADERS = [
  "排名",
  "供稿单位",
  "报送",
  "退回",
  "采用",
  "未采用",
  "刊用",
  "头条",
  "采用率",
  "约稿按时",
  "约稿逾期",
  "约稿未报",
  ...OFFICIAL_LEVELS.map((l) => `批示${LEVEL_NAMES[l]}`),
  ...OFFICIAL_LEVELS.map((l) => `上级采用${LEVEL_NAMES[l]}`),
  "得分",
] as const;
/** The column of 采用率 (1-based, as a spreadsheet counts): formatted as a percentage. */
const RATE_COLUMN = CSV_HEADERS.indexOf("采用率") + 1;

/** A row's cells after 排名 and 供稿单位, in CSV_HEADERS' order; the rate as given. */
function countCells<R>(r: Omit<UnitStatsRow, "rank" | "unitId" | "unit" | "active">, rate: R): (number | R)[] {
  return [
    r.submitted,
    r.returned,
    r.accepted,
    r.rejected,
    r.published,
    r.leads,
    rate,
    r.commissionsOnTime,
    r.commissionsLate,
    r.commissionsMissed,
    ...OFFICIAL_LEVELS.map((l) => r.instructionsByLevel[l]),
    ...OFFICIAL_LEVELS.map((l) => r.adoptionsByLevel[l]),
    r.score,
  ];
}
const TREND_HEADERS = ["月份", "报送", "采用", "刊用", "得分"] as const;

export const formatRate = (rate: number | null) => (rate === null ? "" : `${(rate * 100).toFixed(1)}%`);

function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function statsToCsv(report: StatsReport): Buffer {
  const lines = [
    CSV_HEADERS.join(","),
    ...report.units.map((r) => [r.rank, r.unit, ...countCells(r, formatRate(r.adoptionRate))].map(csvField).join(",")),
  ];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join("\r\n") + "\r\n", "utf8")]);
}

export function reportTitle(report: StatsReport): string {
  const p = report.period;
  const range = p.firstDay === p.lastDay ? p.firstDay : `${p.firstDay} 至 ${p.lastDay}`;
  return `信息采用统计 ${range}（${report.publication ? report.publication.name : "全部刊物"}）`;
}

export async function statsToXlsx(report: StatsReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "简报编辑发布系统";
  const sheet = book.addWorksheet("信息采用统计");
  sheet.addRow([reportTitle(report)]).font = { bold: true, size: 13 };
  sheet.mergeCells(1, 1, 1, CSV_HEADERS.length);
  sheet.addRow([...CSV_HEADERS]).font = { bold: true };
  for (const r of report.units) {
    sheet.addRow([r.rank, r.unit, ...countCells(r, r.adoptionRate)]);
  }
  sheet.addRow(["", "合计", ...countCells(report.totals, report.totals.adoptionRate)]).font = { bold: true };
  sheet.getColumn(2).width = 24;
  sheet.getColumn(RATE_COLUMN).numFmt = "0.0%";
  sheet.views = [{ state: "frozen", ySplit: 2 }];

  const trend = book.addWorksheet("月度趋势");
  trend.addRow([...TREND_HEADERS]).font = { bold: true };
  for (const m of report.trend) trend.addRow([m.month, m.submitted, m.accepted, m.published, m.score]);
  trend.getColumn(1).width = 12;
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** `attachment` with an ASCII fallback name and the UTF-8 name (RFC 6266 / 5987). */
export function attachmentHeader(asciiName: string, utf8Name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(utf8Name)}`;
}
