// How long until a 约稿's deadline, as the desk says it: 还剩 2 天 5 小时,
// 还剩 5 小时 12 分, 还剩 12 分钟, 已逾期. Rounded down, so "1 day left"
// is never shown when less remains.
export type TimeLeft =
  | { key: "daysHours"; days: number; hours: number }
  | { key: "hoursMinutes"; hours: number; minutes: number }
  | { key: "minutes"; minutes: number }
  | { key: "overdue" };

export function timeLeft(deadline: Date | string, now: Date): TimeLeft {
  const ms = new Date(deadline).getTime() - now.getTime();
  if (ms < 0) return { key: "overdue" };
  const minutesTotal = Math.floor(ms / 60_000);
  const days = Math.floor(minutesTotal / 1440);
  const hours = Math.floor((minutesTotal % 1440) / 60);
  const minutes = minutesTotal % 60;
  if (days > 0) return { key: "daysHours", days, hours };
  if (hours > 0) return { key: "hoursMinutes", hours, minutes };
  return { key: "minutes", minutes };
}

/** Due within a day: the desk shows it in the warning colour. */
export const dueSoon = (deadline: Date | string, now: Date) => {
  const ms = new Date(deadline).getTime() - now.getTime();
  return ms >= 0 && ms < 86_400_000;
};
