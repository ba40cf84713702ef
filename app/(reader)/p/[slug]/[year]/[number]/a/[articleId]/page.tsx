import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ArticleView, articleAnchor } from "@/components/bulletin/issue-view";
import { WithdrawnNotice } from "@/components/bulletin/withdrawn-notice";
import { issueNumberSegment } from "@/lib/issues/issue-path";
import { loadReaderIssue, type ReaderPageIssue } from "@/lib/issues/reader-page";
import { formatDate, formatDateTime } from "@/lib/format";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string; year: string; number: string; articleId: string }>;

/** The article of a permalink, found in the issue's published snapshot only. */
function findArticle(issue: ReaderPageIssue, articleId: string) {
  if (!issue || issue.kind !== "published" || !/^\d{1,9}$/.test(articleId)) return null;
  const id = Number(articleId);
  for (const section of issue.snapshot.sections) {
    const article = section.articles.find((a) => a.id === id);
    if (article) return { article, heading: section.heading };
  }
  return null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const p = await params;
  const issue = await loadReaderIssue(p.slug, p.year, p.number);
  if (issue?.kind === "withdrawn") return { title: { absolute: issue.title }, robots: { index: false } };
  const found = findArticle(issue, p.articleId);
  if (!found || issue?.kind !== "published") return {};
  const description = found.article.text.replace(/\s+/g, " ").slice(0, 120);
  return {
    title: { absolute: `${found.article.title} · ${issue.snapshot.title}` },
    description,
    alternates: { canonical: `/p/${p.slug}/${p.year}/${p.number}/a/${found.article.id}` },
    openGraph: { title: found.article.title, description, type: "article", publishedTime: issue.snapshot.publishedAt, siteName: issue.snapshot.publication.name },
  };
}

export default async function ArticlePage({ params }: { params: Params }) {
  const p = await params;
  const issue = await loadReaderIssue(p.slug, p.year, p.number);
  if (issue?.kind === "withdrawn") return <WithdrawnNotice title={issue.title} withdrawnAt={issue.withdrawnAt} reason={issue.reason} />;
  const found = findArticle(issue, p.articleId);
  if (!found || issue?.kind !== "published") notFound();
  const t = await getTranslations("article");
  const { snapshot } = issue;
  const base = `/p/${p.slug}/${snapshot.year}/${issueNumberSegment(snapshot)}`;
  const corrections = issue.corrections.filter((c) => c.articleId === null || c.articleId === found.article.id);
  return (
    <div className="bulletin">
      <p className="text-center text-sm text-stone-600">
        {t("inIssue")}{" "}
        <a href={base} className="text-stone-800 underline-offset-4 hover:underline">
          {snapshot.title}
        </a>
        {found.heading && <> · 【{found.heading}】</>}
      </p>
      <p className="mt-1 mb-6 text-center text-sm text-stone-600">
        来源: {snapshot.source} {formatDateTime(snapshot.publishedAt)}
      </p>
      {corrections.length > 0 && (
        <aside className="mb-6 border-l-4 border-amber-500 bg-amber-50 px-4 py-3 text-sm">
          {corrections.map((c, i) => (
            <p key={i}>
              <strong>更正 {formatDate(c.createdAt)}:</strong> {c.text}
            </p>
          ))}
        </aside>
      )}
      <ArticleView article={found.article} level={1} />
      {snapshot.editor && <p className="text-right">编辑:{snapshot.editor}</p>}

      <nav aria-labelledby="other-articles" className="mt-10 border-t border-stone-200 pt-6">
        <h2 id="other-articles" className="font-serif text-lg font-bold">
          {t("otherArticles")}
        </h2>
        {snapshot.sections.every((s) => s.articles.every((a) => a.id === found.article.id)) ? (
          <p className="mt-2 text-stone-600">{t("noOthers")}</p>
        ) : (
          snapshot.sections.map((section, i) => (
            <div key={i} className="mt-3">
              {section.heading && <p className="font-bold">【{section.heading}】</p>}
              <ul className="mt-1 space-y-1">
                {section.articles.map((a) => (
                  <li key={a.id} className="pl-[2em]">
                    {a.id === found.article.id ? (
                      <span aria-current="page" className="font-bold">
                        {a.title}
                      </span>
                    ) : (
                      <a href={`${base}/a/${a.id}`} className="underline-offset-4 hover:text-bulletin-red hover:underline">
                        {a.title}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
        <p className="mt-6 flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <a href={`${base}#${articleAnchor(found.article.id)}`} className="text-bulletin-red hover:underline">
            {t("readIssue")} →
          </a>
          <a href={`${base}/print`} className="hover:underline">
            {t("printView")}
          </a>
          <a href={`${base}/issue.docx`} className="hover:underline">
            {t("wordVersion")}
          </a>
        </p>
      </nav>
    </div>
  );
}
