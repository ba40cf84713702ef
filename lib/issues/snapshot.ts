// The published snapshot: exactly what readers see, frozen when an issue is
// published (and re-frozen, keeping the old one, by a correction).
import { asc, eq, inArray } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import type { Tx } from "@/db";
import { articles, issues, placements, publications, sections, units } from "@/db/schema";
import { documentText, renderDocumentHtml } from "@/lib/render/document";
import { issueTitle } from "./numbering";

export interface SnapshotArticle {
  id: number;
  title: string;
  titleLines: string[];
  attribution: string;
  unit: string;
  html: string;
  text: string;
}

export interface SnapshotSection {
  heading: string | null;
  articles: SnapshotArticle[];
}

export interface IssueSnapshot {
  publication: {
    slug: string;
    name: string;
    issuingBody: string;
    subtitle: string | null;
    showTotalNumber: boolean;
    printRecipients: string | null;
    printCc: string | null;
    printIssuer: string | null;
    printCopies: number | null;
  };
  issueId: number;
  series: string;
  year: number;
  number: number;
  totalNumber: number | null;
  title: string;
  source: string;
  editor: string | null;
  note: string | null;
  publishedAt: string;
  sections: SnapshotSection[];
  /** 签发人, only when the publication prints the `签发：姓名` line (set when published). */
  signer?: string;
}

export const titleLinesOf = (title: string) =>
  title
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** Builds what readers will see of an issue from its current layout and article texts. */
export async function buildSnapshot(tx: Tx, issueId: number, publishedAt: Date): Promise<IssueSnapshot> {
  const [row] = await tx
    .select({ issue: issues, publication: publications })
    .from(issues)
    .innerJoin(publications, eq(publications.id, issues.publicationId))
    .where(eq(issues.id, issueId));
  if (!row) throw new Error(`issue ${issueId} not found`);
  const { issue, publication } = row;
  const sectionRows = await tx.select().from(sections).where(eq(sections.issueId, issueId)).orderBy(asc(sections.position));
  const placed = await tx
    .select({ placement: placements, article: articles, unitName: units.name })
    .from(placements)
    .innerJoin(articles, eq(articles.id, placements.articleId))
    .innerJoin(units, eq(units.id, articles.unitId))
    .where(eq(placements.issueId, issueId))
    .orderBy(asc(placements.position));

  const toArticle = (p: (typeof placed)[number]): SnapshotArticle => {
    const body = p.article.body as JSONContent;
    const titleLines = titleLinesOf(p.article.title);
    return {
      id: p.article.id,
      title: titleLines.join(""),
      titleLines,
      attribution: p.article.attribution,
      unit: p.unitName,
      html: renderDocumentHtml(body),
      text: documentText(body),
    };
  };
  const out: SnapshotSection[] = [];
  const lead = placed.filter((p) => p.placement.sectionId === null);
  if (lead.length) out.push({ heading: null, articles: lead.map(toArticle) });
  for (const s of sectionRows) {
    out.push({ heading: s.heading, articles: placed.filter((p) => p.placement.sectionId === s.id).map(toArticle) });
  }
  return {
    publication: {
      slug: publication.slug,
      name: publication.name,
      issuingBody: publication.issuingBody,
      subtitle: publication.subtitle,
      showTotalNumber: publication.showTotalNumber,
      printRecipients: publication.printRecipients,
      printCc: publication.printCc,
      printIssuer: publication.printIssuer,
      printCopies: publication.printCopies,
    },
    issueId: issue.id,
    series: issue.series,
    year: issue.year,
    number: issue.number,
    totalNumber: issue.totalNumber,
    title: issueTitle(publication.name, issue, publication.showTotalNumber),
    source: issue.source || publication.issuingBody,
    editor: issue.editorName,
    note: issue.note,
    publishedAt: publishedAt.toISOString(),
    sections: out,
  };
}

export async function placedArticleIds(tx: Tx, issueId: number): Promise<number[]> {
  const rows = await tx.select({ id: placements.articleId }).from(placements).where(eq(placements.issueId, issueId));
  return rows.map((r) => r.id);
}

export async function articlesByIds(tx: Tx, ids: number[]) {
  if (!ids.length) return [];
  return tx.select().from(articles).where(inArray(articles.id, ids));
}
