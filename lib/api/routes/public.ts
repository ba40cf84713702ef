// Public routes: what readers and outside systems may read without signing in.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseIssueNumberSegment } from "@/lib/issues/issue-path";
import { getPublication, getReaderIssue, listPublications, listPublicationsWithLatestIssues, listPublishedIssues } from "@/lib/issues/reader";
import { parseSearchParams, searchParamsSchema } from "@/lib/search/params";
import { searchArticles } from "@/lib/search/search";
import { defineRoute } from "../route";
import { isoDateTime } from "./schemas";

const TAG = "Public";
const slugParams = z.object({ slug: z.string().min(1).max(100) });
const issueParams = z.object({
  slug: z.string().min(1).max(100),
  year: z.string().regex(/^\d{1,6}$/).transform(Number),
  // 88 for a regular issue, s1 for 增刊第1期.
  number: z.string().max(20),
});

const publicationSummarySchema = z.object({ slug: z.string(), name: z.string(), issuingBody: z.string() });
const readerArticleSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  titleLines: z.array(z.string()),
  attribution: z.string(),
  html: z.string(),
  text: z.string(),
});

export const publicRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v1/latest-issues",
    summary: "The newest published regular issue of each publication, in one answer (the reader app's new-issue notice)",
    tag: TAG,
    access: "public",
    response: z.array(z.object({ publication: z.string(), year: z.number().int(), number: z.number().int(), title: z.string(), publishedAt: isoDateTime })),
    handler: async () =>
      (await listPublicationsWithLatestIssues(1)).flatMap((p) => p.issues.slice(0, 1).map((i) => ({ publication: p.slug, year: i.year, number: i.number, title: i.title, publishedAt: i.publishedAt }))),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/publications",
    summary: "The publications (刊物)",
    tag: TAG,
    access: "public",
    response: z.array(publicationSummarySchema),
    handler: () => listPublications(),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/publications/{slug}/issues",
    summary: "A publication's published regular issues (supplements are read at …/issues/{year}/s{number})",
    tag: TAG,
    access: "public",
    params: slugParams,
    notFound: "publication.notFound",
    response: z.array(z.object({ year: z.number().int(), number: z.number().int(), totalNumber: z.number().int().nullable(), title: z.string(), publishedAt: isoDateTime })),
    errors: [404],
    handler: async ({ params }) => {
      await getPublication(params.slug);
      return (await listPublishedIssues(params.slug)).map(({ year, number, totalNumber, title, publishedAt }) => ({ year, number, totalNumber, title, publishedAt }));
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/publications/{slug}/issues/{year}/{number}",
    summary: "One published issue as readers see it ({number}: 88, or s1 for a supplement 增刊)",
    tag: TAG,
    access: "public",
    params: issueParams,
    notFound: "issue.notFound",
    response: z.object({
      publication: z.string(),
      year: z.number().int(),
      number: z.number().int(),
      totalNumber: z.number().int().nullable(),
      title: z.string(),
      source: z.string(),
      editor: z.string().nullable(),
      publishedAt: isoDateTime,
      sections: z.array(z.object({ heading: z.string().nullable(), articles: z.array(readerArticleSchema) })),
      corrections: z.array(z.looseObject({ text: z.string(), createdAt: isoDateTime })),
    }),
    errors: [404, 410],
    handler: async ({ params }) => {
      const ref = parseIssueNumberSegment(params.number);
      if (!ref) throw new AppError("not_found", "issue.notFound");
      const { snapshot, corrections } = await getReaderIssue(params.slug, params.year, ref.number, ref.series);
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
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/search",
    summary: "Search published articles (Chinese text included)",
    tag: TAG,
    access: "public",
    query: searchParamsSchema,
    queryInvalid: { code: "bad_request", message: "api.searchParamsInvalid" },
    response: z.looseObject({
      results: z.array(z.looseObject({ articleId: z.number().int(), title: z.string(), publication: z.string(), year: z.number().int(), number: z.number().int(), snippet: z.string() })),
      total: z.number().int(),
    }),
    handler: async ({ request, viewer }) => {
      const params = new URL(request.url).searchParams;
      if (!params.has("q")) throw new AppError("bad_request", "api.searchQueryMissing");
      return searchArticles(viewer, parseSearchParams(params));
    },
  }),
];
