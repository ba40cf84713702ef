import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { availableActions, writingUnit } from "@/lib/articles/articles";
import { getCommission } from "@/lib/commissions/commissions";
import { commissionNow } from "@/lib/e2e/clock";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { ArticleEditor } from "@/components/editor/article-editor";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("articleNew");

export default async function NewArticlePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const viewer = await requireSignedIn("/workspace/articles/new");
  const t = await getTranslations("articlePages");
  if (!can(viewer, "create:article:own-unit")) {
    return <p className="rounded border border-dashed border-stone-300 p-6 text-stone-600">{t("contributorsOnly")}</p>;
  }
  const unit = await writingUnit(viewer);
  if (!unit.active) return <p className="rounded border border-red-200 bg-red-50 p-6 text-red-800">{t("unitInactive", { unit: unit.name })}</p>;
  // 撰稿回复: a new article answering a commission addressed to the unit (any other does not exist here).
  const { commission: commissionParam } = await searchParams;
  let commission: { id: number; title: string; deadline: string; cancelled: object | null } | null = null;
  if (commissionParam !== undefined) {
    if (!/^\d{1,9}$/.test(commissionParam)) notFound();
    try {
      commission = await getCommission(viewer, Number(commissionParam), { now: commissionNow(await headers()) });
    } catch (e) {
      if (e instanceof AppError && (e.code === "not_found" || e.code === "forbidden")) notFound();
      throw e;
    }
    // A cancelled (撤销) commission takes no answer: it is no longer offered.
    if (commission.cancelled) notFound();
  }
  const tc = await getTranslations("commissions");
  return (
    <ArticleEditor article={null} defaultAttribution={unit.name} canSubmit={availableActions(viewer, { status: "draft" }).transitions.includes("submit")} commissionId={commission?.id ?? null}>
      {commission && (
        <p role="note" className="mb-4 rounded border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900" data-testid="answers-commission">
          {tc("answersNote", { title: commission.title, deadline: formatDateTime(commission.deadline) })}
        </p>
      )}
    </ArticleEditor>
  );
}
