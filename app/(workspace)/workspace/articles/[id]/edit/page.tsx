import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { availableActions } from "@/lib/articles/articles";
import { loadArticleForPage } from "@/lib/articles/page-data";
import { ArticleEditor } from "@/components/editor/article-editor";
import { DecisionNote } from "@/components/workspace/decision-note";
import { can } from "@/lib/auth/permissions";
import { pendingSignoffOfArticle } from "@/lib/issues/signoff";
import { formatDateTime } from "@/lib/format";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("articleEdit");

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireSignedIn(`/workspace/articles/${id}/edit`);
  const article = await loadArticleForPage(viewer, id);
  if (!availableActions(viewer, article).edit) redirect(`/workspace/articles/${article.id}`);
  const [ts, tst, tc] = await Promise.all([getTranslations("signoff.board"), getTranslations("issues.statuses"), getTranslations("commissions")]);
  // Placed in an issue awaiting 签发 or signed: saving voids that sign-off, so say so first.
  const pending = can(viewer, "read:issue:any") ? await pendingSignoffOfArticle(viewer, article.id) : null;
  return (
    <ArticleEditor
      article={{ id: article.id, title: article.titleLines.join("\n"), attribution: article.attribution, body: article.body, version: article.version }}
      defaultAttribution={article.unit}
      status={article.status}
      canSubmit={availableActions(viewer, article).transitions.includes("submit")}
    >
      {article.commission && (
        <p role="note" className="mb-4 rounded border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900" data-testid="answers-commission">
          {article.commission.cancelled
            ? tc("answersCancelledNote", { title: article.commission.title })
            : tc("answersNote", { title: article.commission.title, deadline: formatDateTime(article.commission.deadline) })}
        </p>
      )}
      {pending && (
        <p role="note" className="mb-4 rounded border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900" data-testid="article-in-signed-issue">
          {ts("articleInIssue", { issue: pending.label, status: tst(pending.status) })}
        </p>
      )}
      <DecisionNote article={article} />
    </ArticleEditor>
  );
}
