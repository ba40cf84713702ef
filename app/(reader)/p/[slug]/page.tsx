import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getPublication, listPublishedIssues } from "@/lib/issues/reader";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { issueNumberSegment } from "@/lib/issues/issue-path";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;

async function load(slug: string) {
  try {
    return await getPublication(slug);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const publication = await load((await params).slug);
  return { title: { absolute: publication.name }, alternates: { types: { "application/atom+xml": `/p/${publication.slug}/feed.xml` } } };
}

export default async function ArchivePage({ params }: { params: Params }) {
  const { slug } = await params;
  const t = await getTranslations("reader");
  const publication = await load(slug);
  const issues = await listPublishedIssues(slug, 1000, { supplements: true });
  const years = [...new Set(issues.map((i) => i.year))];
  return (
    <div>
      <h1 className="font-serif text-2xl font-bold text-bulletin-red">{publication.name}</h1>
      <p className="mt-1 text-sm text-stone-600">{t("issuingBody", { body: publication.issuingBody })}</p>
      {issues.length === 0 && <p className="mt-6 text-stone-600">{t("noIssues")}</p>}
      {years.map((year) => (
        <section key={year} className="mt-8">
          <h2 className="border-b border-stone-200 pb-1 text-lg font-bold">{t("year", { year })}</h2>
          <ul className="mt-2 divide-y divide-stone-100">
            {issues
              .filter((i) => i.year === year)
              .map((i) => (
                <li key={`${i.series}-${i.number}`} className="flex items-baseline justify-between gap-4 py-2">
                  <span>
                    {i.series === "supplement" && (
                      <span className="mr-2 rounded border border-bulletin-red px-1 text-xs text-bulletin-red">{t("supplement")}</span>
                    )}
                    <a href={`/p/${slug}/${i.year}/${issueNumberSegment(i)}`} className="underline-offset-4 hover:underline">
                      {i.title}
                    </a>
                  </span>
                  <span className="shrink-0 text-sm text-stone-500">{formatDate(i.publishedAt)}</span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
