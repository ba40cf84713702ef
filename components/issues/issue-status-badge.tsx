import { useTranslations } from "next-intl";
import type { IssueStatus } from "@/db/schema";

const COLOURS: Record<IssueStatus, string> = {
  draft: "bg-stone-100 text-stone-700",
  awaiting_signoff: "bg-amber-100 text-amber-900",
  signed: "bg-emerald-100 text-emerald-800",
  scheduled: "bg-sky-100 text-sky-800",
  published: "bg-violet-100 text-violet-800",
  withdrawn: "bg-red-100 text-red-800",
};

export function IssueStatusBadge({ status }: { status: IssueStatus }) {
  const t = useTranslations("issues.statuses");
  return (
    <span data-testid="issue-status" className={`inline-block rounded px-2 py-0.5 whitespace-nowrap text-xs font-medium ${COLOURS[status]}`}>
      {t(status)}
    </span>
  );
}
