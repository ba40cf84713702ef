import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { availableActions } from "@/lib/articles/articles";
import { loadArticleForPage } from "@/lib/articles/page-data";
import { ArticleEditor } from "@/components/editor/article-editor";
import { StatusBadge } from "@/components/workspace/status-badge";
import { can } from "@/lib/auth/permissions";
import { pendingSignoffOfArticle } from "@/lib/issues/signoff";

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireSignedIn(`/workspace/articles/${id}/edit`);
  const article = await loadArticleForPage(viewer, id);
  if (!availableActions(viewer, article).edit) redirect(`/workspace/articles/${article.id}`);
  const t = await getTranslations("articlePages");
  const [ts, tst] = await Promise.all([getTranslations("signoff.board"), getTranslations("issues.statuses")]);
  // Placed in an issue awaiting 签发 or signed: saving voids that sign-off, so say so first.
  const pending = can(viewer, "read:issue:any") ? await pendingSignoffOfArticle(viewer, article.id) : null;
  return (
    <>
      <div className="mx-auto mb-4 flex max-w-4xl items-center gap-3">
        <h1 className="text-xl font-bold">{t("editTitle")}</h1>
        <StatusBadge status={article.status} />
        <Link href={`/workspace/articles/${article.id}`} className="ml-auto text-sm text-stone-600 hover:underline">
          {t("backToArticle")}
        </Link>
      </div>
      {pending && (
        <p role="note" className="mx-auto mb-4 max-w-4xl rounded border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900" data-testid="article-in-signed-issue">
          {ts("articleInIssue", { issue: pending.label, status: tst(pending.status) })}
        </p>
      )}
      <ArticleEditor
        article={{ id: article.id, title: article.titleLines.join("\n"), attribution: article.attribution, body: article.body, version: article.version }}
        defaultAttribution={article.unit}
      />
    </>
  );
}
