import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { IssueView } from "@/components/bulletin/issue-view";
import { PrintButton } from "@/components/bulletin/print-button";
import { loadReaderIssue } from "@/lib/issues/reader-page";
import { WithdrawnNotice } from "@/components/bulletin/withdrawn-notice";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string; year: string; number: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const p = await params;
  const issue = await loadReaderIssue(p.slug, p.year, p.number);
  if (!issue) return {};
  const t = await getTranslations("print");
  const title = issue.kind === "withdrawn" ? issue.title : issue.snapshot.title;
  return { title: `${title} · ${t("printView")}`, robots: { index: false } };
}

export default async function PrintPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const p = await params;
  const issue = await loadReaderIssue(p.slug, p.year, p.number);
  if (!issue) notFound();
  const [t, tr] = await Promise.all([getTranslations("print"), getTranslations("reader")]);
  const base = `/p/${p.slug}/${p.year}/${p.number}`;
  if (issue.kind === "withdrawn") {
    return (
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <WithdrawnNotice title={issue.title} withdrawnAt={issue.withdrawnAt} reason={issue.reason} />
      </main>
    );
  }
  const showContents = (await searchParams).toc !== "0";
  return (
    <>
      <nav aria-label={t("toolbar")} className="print-toolbar mx-auto flex max-w-[210mm] flex-wrap items-center gap-4 px-4 py-3 text-sm">
        <a href={base} className="text-stone-800 underline-offset-4 hover:underline">
          ← {t("backToIssue")}
        </a>
        <a href={`${base}/issue.docx`} className="text-stone-800 underline-offset-4 hover:underline">
          {t("downloadWord")}
        </a>
        <a href={showContents ? `${base}/print?toc=0` : `${base}/print`} className="text-stone-800 underline-offset-4 hover:underline">
          {showContents ? t("hideContents") : t("showContents")}
        </a>
        <span className="ml-auto">
          <PrintButton label={t("print")} />
        </span>
      </nav>
      <main id="main" className="print-sheet">
        <IssueView
          snapshot={issue.snapshot}
          corrections={issue.corrections}
          variant="print"
          showContents={showContents}
          labels={{ contents: tr("contents"), corrections: tr("corrections"), backToTop: tr("backToTop") }}
        />
      </main>
    </>
  );
}
