import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { getArticle } from "@/lib/articles/articles";
import { AppError } from "@/lib/errors";
import { ArticleView } from "@/components/bulletin/issue-view";
import { StatusBadge } from "@/components/workspace/status-badge";
import { formatDateTime } from "@/lib/format";

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireSignedIn(`/workspace/articles/${id}`);
  if (!/^\d{1,9}$/.test(id)) notFound();
  let article;
  try {
    article = await getArticle(viewer, Number(id));
  } catch (e) {
    if (e instanceof AppError && (e.code === "not_found" || e.code === "forbidden")) notFound();
    throw e;
  }
  const t = await getTranslations("workspace");
  const te = await getTranslations("events");
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_16rem]">
      <div className="rounded border border-stone-200 bg-white p-6">
        <p className="mb-4 flex items-center gap-3 text-sm text-stone-600">
          <StatusBadge status={article.status} />
          <span>
            {article.unit} · {article.author}
          </span>
        </p>
        <div className="bulletin">
          <ArticleView article={{ ...article, text: "" }} level={2} />
        </div>
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
              {e.comment && <p className="mt-1">{e.comment}</p>}
            </li>
          ))}
        </ol>
      </aside>
    </div>
  );
}
