// Reporting periods for the statistics, in China time: a month (2024-03), a
// quarter (2024-Q1), a year (2024) or custom days (2024-01-05..2024-02-10,
// both inclusive). `to` is always exclusive.
import { AppError } from "@/lib/errors";

export type PeriodKind = "month" | "quarter" | "year" | "custom";

export interface Period {
  kind: PeriodKind;
  /** The canonical string, usable as `?period=` */
  key: string;
  from: Date;
  to: Date;
  /** First and last day (inclusive), YYYY-MM-DD */
  firstDay: string;
  lastDay: string;
}

export interface PeriodParams {
  period?: string;
  kind?: string;
  month?: string;
  quarter?: string;
  year?: string;
  from?: string;
  to?: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const chinaMidnight = (y: number, m: number, d: number) => new Date(`${y}-${pad(m)}-${pad(d)}T00:00:00+08:00`);

/** The China calendar date of an instant. */
export function chinaDay(date: Date): { y: number; m: number; d: number } {
  const shifted = new Date(date.getTime() + 8 * 3_600_000); // China has no daylight saving time
  return { y: shifted.getUTCFullYear(), m: shifted.getUTCMonth() + 1, d: shifted.getUTCDate() };
}

const dayString = (date: Date) => {
  const { y, m, d } = chinaDay(date);
  return `${y}-${pad(m)}-${pad(d)}`;
};

function make(kind: PeriodKind, key: string, from: Date, to: Date): Period {
  return { kind, key, from, to, firstDay: dayString(from), lastDay: dayString(new Date(to.getTime() - 1)) };
}

function validYear(y: number) {
  if (y < 1949 || y > 9998) throw new AppError("invalid", "stats.yearInvalid", { period: ["stats.yearRange"] });
}

/** Parses one canonical period string. */
export function parsePeriod(key: string): Period {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(key))) {
    const y = Number(m[1]);
    validYear(y);
    return make("year", key, chinaMidnight(y, 1, 1), chinaMidnight(y + 1, 1, 1));
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(key))) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    validYear(y);
    const start = (q - 1) * 3 + 1;
    return make("quarter", key, chinaMidnight(y, start, 1), q === 4 ? chinaMidnight(y + 1, 1, 1) : chinaMidnight(y, start + 3, 1));
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(key))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    validYear(y);
    if (mo < 1 || mo > 12) throw new AppError("invalid", "stats.monthInvalid", { period: ["stats.monthInvalid"] });
    return make("month", key, chinaMidnight(y, mo, 1), mo === 12 ? chinaMidnight(y + 1, 1, 1) : chinaMidnight(y, mo + 1, 1));
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})\.\.(\d{4})-(\d{2})-(\d{2})$/.exec(key))) {
    const [y1, m1, d1, y2, m2, d2] = m.slice(1).map(Number) as [number, number, number, number, number, number];
    validYear(y1);
    validYear(y2);
    const from = chinaMidnight(y1, m1, d1);
    const last = chinaMidnight(y2, m2, d2);
    if (Number.isNaN(from.getTime()) || Number.isNaN(last.getTime()) || dayString(from) !== `${y1}-${pad(m1)}-${pad(d1)}` || dayString(last) !== `${y2}-${pad(m2)}-${pad(d2)}`) {
      throw new AppError("invalid", "common.dateInvalid", { period: ["common.dateInvalid"] });
    }
    if (last < from) throw new AppError("invalid", "stats.endBeforeStart", { period: ["stats.endBeforeStart"] });
    if (y2 - y1 > 10) throw new AppError("invalid", "stats.tooLong", { period: ["stats.tooLong"] });
    return make("custom", key, from, new Date(last.getTime() + 86_400_000));
  }
  throw new AppError("invalid", "stats.periodFormatInvalid", { period: ["stats.periodFormat"] });
}

/** The period asked for by a form or query string; the current month when nothing is given. */
export function resolvePeriod(params: PeriodParams, now = new Date()): Period {
  if (params.period) return parsePeriod(params.period.trim());
  const today = chinaDay(now);
  switch (params.kind) {
    case "year":
      return parsePeriod(params.year || String(today.y));
    case "quarter":
      return parsePeriod(params.quarter || `${today.y}-Q${Math.ceil(today.m / 3)}`);
    case "custom":
      if (!params.from || !params.to) throw new AppError("invalid", "stats.chooseDates", { period: ["stats.chooseDates"] });
      return parsePeriod(`${params.from}..${params.to}`);
    case "month":
    case undefined:
    case "":
      return parsePeriod(params.month || `${today.y}-${pad(today.m)}`);
    default:
      throw new AppError("invalid", "stats.periodTypeInvalid", { period: ["stats.periodTypeInvalid"] });
  }
}

/** The 12 months ending with the period's last month: the range of the trend chart. */
export function trendRange(period: Period): { from: Date; to: Date; months: string[]; firstDay: string; lastDay: string } {
  const last = chinaDay(new Date(period.to.getTime() - 1));
  const months: string[] = [];
  for (let i = 11; i >= 0; i--) {
    const index = last.y * 12 + (last.m - 1) - i;
    months.push(`${Math.floor(index / 12)}-${pad((index % 12) + 1)}`);
  }
  const [fy, fm] = months[0]!.split("-").map(Number) as [number, number];
  const to = last.m === 12 ? chinaMidnight(last.y + 1, 1, 1) : chinaMidnight(last.y, last.m + 1, 1);
  const from = chinaMidnight(fy, fm, 1);
  return { from, to, months, firstDay: dayString(from), lastDay: dayString(new Date(to.getTime() - 1)) };
}
