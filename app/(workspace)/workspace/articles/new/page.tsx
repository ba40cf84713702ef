import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { availableActions, writingUnit } from "@/lib/articles/articles";
import { ArticleEditor } from "@/components/editor/article-editor";

export default async function NewArticlePage() {
  const viewer = await requireSignedIn("/workspace/articles/new");
  const t = await getTranslations("articlePages");
  if (!can(viewer, "create:article:own-unit")) {
    return <p className="rounded border border-dashed border-stone-300 p-6 text-stone-600">{t("contributorsOnly")}</p>;
  }
  const unit = await writingUnit(viewer);
  if (!unit.active) return <p className="rounded border border-red-200 bg-red-50 p-6 text-red-800">{t("unitInactive", { unit: unit.name })}</p>;
  return <ArticleEditor article={null} defaultAttribution={unit.name} canSubmit={availableActions(viewer, { status: "draft" }).transitions.includes("submit")} />;
}
