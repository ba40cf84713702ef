import { DeskLink } from "@/components/workspace/desk-link";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { availableActions } from "@/lib/articles/articles";
import { loadArticleForPage } from "@/lib/articles/page-data";
import { markNotificationsRead } from "@/lib/notifications/notifications";
import { ArticleView } from "@/components/bulletin/issue-view";
import { StatusBadge } from "@/components/workspace/status-badge";
import { ArticleActions } from "@/components/workspace/article-actions";
import { DecisionNote } from "@/components/workspace/decision-note";
import { PublishedInLink } from "@/components/workspace/published-in-link";
import { formatDateTime } from "@/lib/format";
import { articleFollowUp } from "@/lib/instructions/follow-up";
import { ArticleFollowUp } from "@/components/instructions/article-follow-up";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("article");

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireSignedIn(`/workspace/articles/${id}`);
  const article = await loadArticleForPage(viewer, id);
  await markNotificationsRead(viewer, article.id);
  const actions = availableActions(viewer, article);
  // 批示 and 上级采用 (issue 16): whoever sees the article sees them.
  const followUp = await articleFollowUp(viewer, article);
  const t = await getTranslations("workspace");
  const te = await getTranslations("events");
  const tc = await getTranslations("commissions");
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_18rem]">
      <div>
        <div className="mb-4 flex flex-wrap items-center gap-3 text-sm text-stone-600">
          <StatusBadge status={article.status} />
          <span>
            {article.unit} · {article.author}
            {article.submittedAt && ` · ${t("submittedAt", { time: formatDateTime(article.submittedAt) })}`}
          </span>
          {article.publishedIn && <PublishedInLink at={article.publishedIn} />}
          {article.commission && (
            <DeskLink href={`/workspace/commissions/${article.commission.id}`} className="rounded bg-amber-50 px-2 py-0.5 text-amber-900 hover:underline" data-testid="answers-commission">
              {tc(article.commission.cancelled ? "answersCancelled" : "answers", { title: article.commission.title })}
            </DeskLink>
          )}
          <span className="ml-auto flex gap-3">
            {actions.edit && (
              <DeskLink href={`/workspace/articles/${article.id}/edit`} className="rounded bg-stone-900 px-3 py-1.5 text-white hover:bg-stone-700">
                {t("edit")}
              </DeskLink>
            )}
            <DeskLink href={`/workspace/articles/${article.id}/history`} className="rounded border border-stone-300 px-3 py-1.5 hover:bg-stone-100">
              {t("revisions")}
            </DeskLink>
          </span>
        </div>
        <DecisionNote article={article} />
        <ArticleActions articleId={article.id} transitions={actions.transitions} />
        <div className="mt-4 rounded border border-stone-200 bg-white p-6">
          <div className="bulletin">
            <ArticleView article={{ ...article, text: "" }} level={2} />
          </div>
        </div>
        <ArticleFollowUp viewer={viewer} article={article} instructions={followUp.instructions} adoptions={followUp.adoptions} />
      </div>
      <aside>
        <h2 className="mb-2 text-sm font-semibold text-stone-500">{t("history")}</h2>
        <ol className="space-y-2 text-sm">
          {article.events.map((e, i) => (
            <li key={i} className="rounded border border-stone-200 bg-white p-2">
              <p>
                {te.has(e.type) ? te(e.type) : e.type} · {e.by ?? t("system")}
              </p>
              <p className="text-xs text-stone-500">{formatDateTime(e.at)}</p>
              {e.comment && <p className="mt-1 whitespace-pre-wrap">{e.comment}</p>}
            </li>
          ))}
        </ol>
      </aside>
    </div>
  );
}
