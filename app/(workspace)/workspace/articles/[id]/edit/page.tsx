import { redirect } from "next/navigation";
import { requireSignedIn } from "@/lib/auth/require";
import { availableActions } from "@/lib/articles/articles";
import { loadArticleForPage } from "@/lib/articles/page-data";
import { ArticleEditor } from "@/components/editor/article-editor";
import { DecisionNote } from "@/components/workspace/decision-note";

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireSignedIn(`/workspace/articles/${id}/edit`);
  const article = await loadArticleForPage(viewer, id);
  if (!availableActions(viewer, article).edit) redirect(`/workspace/articles/${article.id}`);
  return (
    <ArticleEditor
      article={{ id: article.id, title: article.titleLines.join("\n"), attribution: article.attribution, body: article.body, version: article.version }}
      defaultAttribution={article.unit}
      status={article.status}
      canSubmit={availableActions(viewer, article).transitions.includes("submit")}
    >
      <DecisionNote article={article} />
    </ArticleEditor>
  );
}
