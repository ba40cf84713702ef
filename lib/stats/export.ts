// Exports of the statistics report: CSV (UTF-8 with a BOM, so Excel on Chinese
// Windows opens it with the right characters; CRLF lines) and .xlsx.
import ExcelJS from "exceljs";
import type { StatsReport } from "./stats";

export const CSV_HEADERS = ["排名", "供稿单位", "报送", "退回", "采用", "未采用", "刊用", "头条", "采用率", "得分"] as const;
const TREND_HEADERS = ["月份", "报送", "采用", "刊用", "得分"] as const;

export const formatRate = (rate: number | null) => (rate === null ? "" : `${(rate * 100).toFixed(1)}%`);

function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function statsToCsv(report: StatsReport): Buffer {
  const lines = [
    CSV_HEADERS.join(","),
    ...report.units.map((r) =>
      [r.rank, r.unit, r.submitted, r.returned, r.accepted, r.rejected, r.published, r.leads, formatRate(r.adoptionRate), r.score].map(csvField).join(","),
    ),
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
    sheet.addRow([r.rank, r.unit, r.submitted, r.returned, r.accepted, r.rejected, r.published, r.leads, r.adoptionRate ?? null, r.score]);
  }
  const t = report.totals;
  sheet.addRow(["", "合计", t.submitted, t.returned, t.accepted, t.rejected, t.published, t.leads, t.adoptionRate ?? null, t.score]).font = { bold: true };
  sheet.getColumn(2).width = 24;
  sheet.getColumn(9).numFmt = "0.0%";
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
