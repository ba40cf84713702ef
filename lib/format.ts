// Dates as Chinese offices print them: China time, "2017-08-17 10:12".
const TZ = "Asia/Shanghai";

const parts = (date: Date) => {
  const fmt = new Intl.DateTimeFormat("en-CA", {
    timeZone: TZ,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const p = Object.fromEntries(fmt.formatToParts(date).map((x) => [x.type, x.value]));
  return p as Record<"year" | "month" | "day" | "hour" | "minute", string>;
};

export function formatDateTime(value: Date | string): string {
  const p = parts(new Date(value));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

export function formatDate(value: Date | string): string {
  const p = parts(new Date(value));
  return `${p.year}-${p.month}-${p.day}`;
}

/** 2017年8月17日, as on the printed form. */
export function formatChineseDate(value: Date | string): string {
  const p = parts(new Date(value));
  return `${Number(p.year)}年${Number(p.month)}月${Number(p.day)}日`;
}

/** "2017-08-17 10:12" read as China time. */
export function parseChinaDateTime(local: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/.exec(local.trim());
  if (!m) throw new Error(`not a date and time: ${local}`);
  return new Date(`${m[1]}T${m[2]}:00+08:00`);
}

export function currentChinaYear(now = new Date()): number {
  return Number(parts(now).year);
}
