import { useTranslations } from "next-intl";
import type { ArticleStatus } from "@/db/schema";

// One colour per status, everywhere.
const COLOURS: Record<ArticleStatus, string> = {
  draft: "bg-stone-100 text-stone-700",
  submitted: "bg-blue-100 text-blue-800",
  returned: "bg-amber-100 text-amber-800",
  accepted: "bg-green-100 text-green-800",
  rejected: "bg-red-100 text-red-800",
  published: "bg-violet-100 text-violet-800",
};

export function StatusBadge({ status }: { status: ArticleStatus }) {
  const t = useTranslations("status");
  return <span className={`inline-block rounded px-2 whitespace-nowrap py-0.5 text-xs font-medium ${COLOURS[status]}`}>{t(status)}</span>;
}
