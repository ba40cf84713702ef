import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { IssueView } from "@/components/bulletin/issue-view";
import { WithdrawnNotice } from "@/components/bulletin/withdrawn-notice";
import { issueNumberSegment } from "@/lib/issues/issue-path";
import { loadReaderIssue } from "@/lib/issues/reader-page";
import { SaveOffline } from "@/components/reader/save-offline";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string; year: string; number: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const p = await params;
  const issue = await loadReaderIssue(p.slug, p.year, p.number);
  if (!issue) return {};
  if (issue.kind === "withdrawn") return { title: { absolute: issue.title }, robots: { index: false } };
  const first = issue.snapshot.sections.flatMap((s) => s.articles).map((a) => a.title);
  return {
    // The issue's title names the publication already.
    title: { absolute: issue.snapshot.title },
    description: first.join("；"),
    openGraph: { title: issue.snapshot.title, description: first.join("；"), type: "article" },
  };
}

export default async function IssuePage({ params }: { params: Params }) {
  const p = await params;
  const issue = await loadReaderIssue(p.slug, p.year, p.number);
  if (!issue) notFound();
  const t = await getTranslations("reader");
  // Normally proxy.ts has already answered 410 with the notice; this is the fallback.
  if (issue.kind === "withdrawn") return <WithdrawnNotice title={issue.title} withdrawnAt={issue.withdrawnAt} reason={issue.reason} />;
  const ta = await getTranslations("article");
  const base = `/p/${p.slug}/${p.year}/${p.number}`;
  return (
    <>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-x-6 gap-y-2 text-sm text-stone-700">
        <SaveOffline path={base} slug={p.slug} year={issue.snapshot.year} />
        <nav aria-label={ta("formats")} className="ml-auto flex gap-4">
          <a href={`${base}/print`} className="underline-offset-4 hover:underline">
            {ta("printView")}
          </a>
          <a href={`${base}/issue.docx`} className="underline-offset-4 hover:underline">
            {ta("wordVersion")}
          </a>
        </nav>
      </div>
      <IssueView
        snapshot={issue.snapshot}
        corrections={issue.corrections}
        labels={{ contents: t("contents"), corrections: t("corrections"), backToTop: t("backToTop") }}
      />
      <nav aria-label={t("issueNavigation")} className="mt-10 flex flex-wrap justify-between gap-4 border-t border-stone-200 pt-4 text-sm">
        <span>
          {issue.prev && (
            <a href={`/p/${p.slug}/${issue.prev.year}/${issueNumberSegment(issue.prev)}`} className="hover:underline">
              ← {issue.prev.title}
            </a>
          )}
        </span>
        <a href="#top" className="hover:underline">
          {t("backToTop")}
        </a>
        <span>
          {issue.next && (
            <a href={`/p/${p.slug}/${issue.next.year}/${issueNumberSegment(issue.next)}`} className="hover:underline">
              {issue.next.title} →
            </a>
          )}
        </span>
      </nav>
    </>
  );
}
