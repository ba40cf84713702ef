import { useTranslations } from "next-intl";
import type { InstructionView } from "@/lib/instructions/instructions";
import { formatDate } from "@/lib/format";

// One colour per feedback state, everywhere: awaiting (amber), overdue (red), answered (green), answered late (green, marked).
export function FeedbackState({ instruction: i }: { instruction: Pick<InstructionView, "state" | "answeredAt" | "overdue" | "late"> }) {
  const t = useTranslations("instructions.state");
  if (i.state === "answered") {
    return (
      <span className="inline-flex flex-wrap gap-1" data-testid="feedback-state" data-state="answered">
        <span className="inline-block rounded bg-green-100 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-green-800">{t("answered", { date: formatDate(i.answeredAt!) })}</span>
        {i.late && <span className="inline-block rounded bg-orange-100 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-orange-800">{t("late")}</span>}
      </span>
    );
  }
  return i.overdue ? (
    <span className="inline-block rounded bg-red-100 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-red-800" data-testid="feedback-state" data-state="overdue">
      {t("overdue")}
    </span>
  ) : (
    <span className="inline-block rounded bg-amber-100 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-amber-800" data-testid="feedback-state" data-state="awaiting">
      {t("awaiting")}
    </span>
  );
}
