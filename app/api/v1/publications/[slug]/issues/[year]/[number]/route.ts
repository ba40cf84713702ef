import { apiRoute } from "@/lib/api/handler";
import { parseIssueNumberSegment } from "@/lib/issues/issue-path";
import { getReaderIssue } from "@/lib/issues/reader";
import { AppError } from "@/lib/errors";

const INT = /^\d{1,6}$/;

export const GET = apiRoute<{ slug: string; year: string; number: string }>(
  async ({ params }) => {
    // {number} is 88 for a regular issue, s1 for 增刊第1期.
    const ref = parseIssueNumberSegment(params.number);
    if (!INT.test(params.year) || !ref) throw new AppError("not_found", "期刊不存在");
    const { snapshot, corrections } = await getReaderIssue(params.slug, Number(params.year), ref.number, ref.series);
    return {
      publication: snapshot.publication.slug,
      year: snapshot.year,
      number: snapshot.number,
      totalNumber: snapshot.totalNumber,
      title: snapshot.title,
      source: snapshot.source,
      editor: snapshot.editor,
      publishedAt: snapshot.publishedAt,
      sections: snapshot.sections.map((s) => ({
        heading: s.heading,
        articles: s.articles.map(({ id, title, titleLines, attribution, html, text }) => ({ id, title, titleLines, attribution, html, text })),
      })),
      corrections,
    };
  },
  { auth: false },
);
