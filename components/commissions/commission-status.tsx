import { useTranslations } from "next-intl";
import type { CommissionUnitStatus } from "@/lib/commissions/commissions";
import { dueSoon, timeLeft } from "@/lib/commissions/time-left";

const COLOURS = {
  open: "bg-blue-100 text-blue-800",
  onTime: "bg-green-100 text-green-800",
  late: "bg-amber-100 text-amber-900",
  missed: "bg-red-100 text-red-800",
} as const;

/** 待报送 / 按时报送 / 逾期报送 / 逾期未报: one unit's answer to a commission. */
export function CommissionStatusBadge({ status, late }: { status: CommissionUnitStatus; late: boolean | null }) {
  const t = useTranslations("commissions.statuses");
  const key = status === "answered" ? (late ? "late" : "onTime") : status;
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium whitespace-nowrap ${COLOURS[key]}`} data-testid="commission-status" data-status={key}>
      {t(key)}
    </span>
  );
}

/** 还剩 2 天 5 小时 / 已逾期, at the page's `now`. */
export function TimeLeftBadge({ deadline, now }: { deadline: string; now: Date }) {
  const t = useTranslations("commissions.timeLeft");
  const left = timeLeft(deadline, now);
  const colour = left.key === "overdue" ? "text-red-700" : dueSoon(deadline, now) ? "text-amber-800" : "text-stone-700";
  return (
    <span className={`text-sm font-medium whitespace-nowrap tabular-nums ${colour}`} data-testid="time-left">
      {left.key === "overdue" ? t("overdue") : left.key === "daysHours" ? t("daysHours", left) : left.key === "hoursMinutes" ? t("hoursMinutes", left) : t("minutes", left)}
    </span>
  );
}

/** 已撤销: a cancelled commission, everywhere it is listed. */
export function CancelledBadge() {
  const t = useTranslations("commissions");
  return (
    <span className="inline-block rounded bg-stone-200 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-stone-700" data-testid="commission-cancelled">
      {t("cancelled")}
    </span>
  );
}
