import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { IssueView } from "@/components/bulletin/issue-view";
import { loadReaderIssue } from "@/lib/issues/reader-page";
import { formatDate } from "@/lib/format";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string; year: string; number: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const p = await params;
  const issue = await loadReaderIssue(p.slug, p.year, p.number);
  if (!issue) return {};
  if (issue.kind === "withdrawn") return { title: issue.title, robots: { index: false } };
  const first = issue.snapshot.sections.flatMap((s) => s.articles).map((a) => a.title);
  return {
    title: issue.snapshot.title,
    description: first.join("；"),
    openGraph: { title: issue.snapshot.title, description: first.join("；"), type: "article" },
  };
}

export default async function IssuePage({ params }: { params: Params }) {
  const p = await params;
  const issue = await loadReaderIssue(p.slug, p.year, p.number);
  if (!issue) notFound();
  const t = await getTranslations("reader");
  if (issue.kind === "withdrawn") {
    return (
      <div role="alert" className="rounded border border-stone-300 bg-stone-50 p-6">
        <h1 className="font-serif text-xl font-bold">{issue.title}</h1>
        <p className="mt-3">{t("withdrawn", { date: formatDate(issue.withdrawnAt), reason: issue.reason })}</p>
      </div>
    );
  }
  return (
    <>
      <IssueView
        snapshot={issue.snapshot}
        corrections={issue.corrections}
        labels={{ contents: t("contents"), corrections: t("corrections"), backToTop: t("backToTop") }}
      />
      <nav aria-label={t("issueNavigation")} className="mt-10 flex flex-wrap justify-between gap-4 border-t border-stone-200 pt-4 text-sm">
        <span>
          {issue.prev && (
            <Link href={`/p/${p.slug}/${issue.prev.year}/${issue.prev.number}`} className="hover:underline">
              ← {issue.prev.title}
            </Link>
          )}
        </span>
        <a href="#top" className="hover:underline">
          {t("backToTop")}
        </a>
        <span>
          {issue.next && (
            <Link href={`/p/${p.slug}/${issue.next.year}/${issue.next.number}`} className="hover:underline">
              {issue.next.title} →
            </Link>
          )}
        </span>
      </nav>
    </>
  );
}
