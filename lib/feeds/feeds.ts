// Atom feed per publication and the sitemap: published issues only, from the
// frozen snapshots, with each issue's table of contents.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { Feed } from "feed";
import { getDb } from "@/db";
import { issues, publications } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { issuePath } from "@/lib/issues/issue-path";
import type { IssueSnapshot } from "@/lib/issues/snapshot";
import { escapeHtml } from "@/lib/render/document";

const FEED_ISSUES = 50;

/** What a feed entry needs of a snapshot: its numbers, title, source and contents — not the articles' text. */
export type FeedSnapshot = Pick<IssueSnapshot, "year" | "number" | "series" | "title" | "source" | "publishedAt"> & {
  sections: { heading: string | null; articles: { id: number; title: string }[] }[];
};

// The latest snapshot trimmed in the database to the contents, so the
// articles' HTML and text are never sent to the app for a feed.
const latestSnapshotContents = sql<FeedSnapshot>`(
  select jsonb_build_object(
    'year', s.content->'year', 'number', s.content->'number', 'series', s.content->'series', 'title', s.content->'title',
    'source', s.content->'source', 'publishedAt', s.content->'publishedAt',
    'sections', coalesce((
      select jsonb_agg(jsonb_build_object(
        'heading', sec->'heading',
        'articles', coalesce((
          select jsonb_agg(jsonb_build_object('id', a->'id', 'title', a->'title') order by ai)
          from jsonb_array_elements(sec->'articles') with ordinality as arts(a, ai)
        ), '[]'::jsonb)
      ) order by si)
      from jsonb_array_elements(s.content->'sections') with ordinality as secs(sec, si)
    ), '[]'::jsonb)
  )
  from issue_snapshots s where s.issue_id = "issues"."id" order by s.id desc limit 1
)`;
// When readers' text last changed: the latest correction's snapshot, else publication.
const latestSnapshotAt = sql<string | null>`(
  select max(s.created_at) from issue_snapshots s where s.issue_id = "issues"."id" and s.reason <> 'publish'
)`;


/** The table of contents of an issue as HTML: section headings in 【】 and links to each article. */
export function contentsHtml(snapshot: Pick<FeedSnapshot, "sections">, issueUrl: string): string {
  return snapshot.sections
    .map((s) => {
      const heading = s.heading ? `<p><strong>【${escapeHtml(s.heading)}】</strong></p>` : "";
      const items = s.articles.map((a) => `<li><a href="${escapeHtml(`${issueUrl}#article-${a.id}`)}">${escapeHtml(a.title)}</a></li>`).join("");
      return `${heading}<ul>${items}</ul>`;
    })
    .join("");
}

/** The Atom feed of a publication's published issues (增刊 included), newest first. Unknown publication → not found. */
export async function publicationAtomFeed(slug: string, origin: string): Promise<string> {
  const db = await getDb();
  const [publication] = await db.select().from(publications).where(eq(publications.slug, slug)).limit(1);
  if (!publication) throw new AppError("not_found", "publication.notFound");
  const rows = await db
    .select({ snapshot: latestSnapshotContents, snapshotAt: latestSnapshotAt, publishedAt: issues.publishedAt })
    .from(issues)
    .where(and(eq(issues.publicationId, publication.id), eq(issues.status, "published")))
    .orderBy(desc(issues.publishedAt), desc(issues.id))
    .limit(FEED_ISSUES);
  const entries = rows.filter((r) => r.snapshot).map((r) => ({ snapshot: r.snapshot, updated: new Date(r.snapshotAt ?? r.publishedAt!) }));
  return atomFeed({ slug, name: publication.name, issuingBody: publication.issuingBody, createdAt: publication.createdAt }, entries, origin);
}

/** The feed's XML from its entries, newest first (pure: what the XSS tests render with every payload). */
export function atomFeed(
  publication: { slug: string; name: string; issuingBody: string; createdAt: Date },
  entries: { snapshot: FeedSnapshot; updated: Date }[],
  origin: string,
): string {
  const archive = `${origin}/p/${encodeURIComponent(publication.slug)}`;
  const feed = new Feed({
    id: archive,
    title: publication.name,
    description: `${publication.name}（${publication.issuingBody}）`,
    link: archive,
    language: "zh-CN",
    updated: entries.length ? new Date(Math.max(...entries.map((e) => e.updated.getTime()))) : publication.createdAt,
    feedLinks: { atom: `${archive}/feed.xml` },
    author: { name: publication.issuingBody },
    copyright: publication.issuingBody,
    generator: "bulletin-cms",
  });
  for (const { snapshot: s, updated } of entries) {
    const url = `${origin}${issuePath(publication.slug, s)}`;
    const titles = s.sections.flatMap((x) => x.articles.map((a) => a.title));
    feed.addItem({
      id: url,
      // type="html" in Atom: the reader renders these as HTML, so they are written as escaped text.
      title: escapeHtml(s.title),
      link: url,
      date: updated,
      published: new Date(s.publishedAt),
      description: escapeHtml(titles.join("；")),
      content: contentsHtml(s, url),
      author: [{ name: s.source }],
    });
  }
  return feed.atom1();
}

export interface SitemapEntry {
  path: string;
  lastModified: Date;
}

/** Every publication archive and every published issue, 增刊 included (nothing unpublished or withdrawn). */
export async function sitemapEntries(): Promise<SitemapEntry[]> {
  const db = await getDb();
  const rows = await db
    .select({ slug: publications.slug, year: issues.year, number: issues.number, series: issues.series, updatedAt: latestSnapshotAt, publishedAt: issues.publishedAt })
    .from(issues)
    .innerJoin(publications, eq(publications.id, issues.publicationId))
    .where(eq(issues.status, "published"))
    .orderBy(publications.id, desc(issues.year), asc(issues.series), desc(issues.number));
  const pubs = await db.select({ slug: publications.slug, createdAt: publications.createdAt }).from(publications).orderBy(publications.id);
  const issueEntries = rows.map((r) => ({ path: issuePath(r.slug, r), lastModified: new Date(r.updatedAt ?? r.publishedAt!) }));
  const archives = pubs.map((p) => {
    const latest = issueEntries.find((e) => e.path.startsWith(`/p/${encodeURIComponent(p.slug)}/`));
    return { path: `/p/${encodeURIComponent(p.slug)}`, lastModified: latest?.lastModified ?? p.createdAt };
  });
  return [...archives, ...issueEntries];
}
