import { useTranslations } from "next-intl";
import type { ArticleDetail } from "@/lib/articles/articles";

/** The editor's comment on a returned or rejected article: on the article and above the editor while revising. */
export function DecisionNote({ article }: { article: Pick<ArticleDetail, "status" | "events"> }) {
  const t = useTranslations("workspace");
  if (article.status !== "returned" && article.status !== "rejected") return null;
  const last = [...article.events].reverse().find((e) => e.comment && ["returned", "rejected"].includes(e.type));
  if (!last) return null;
  return (
    <div role="note" className="mb-4 rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm">
      <p className="font-semibold">{t("editorComment", { who: last.by ?? t("system") })}</p>
      <p className="mt-1 whitespace-pre-wrap" data-testid="editor-comment">
        {last.comment}
      </p>
    </div>
  );
}
