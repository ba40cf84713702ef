import { apiRoute } from "@/lib/api/handler";
import { getPublication, listPublishedIssues } from "@/lib/issues/reader";

export const GET = apiRoute<{ slug: string }>(
  async ({ params }) => {
    await getPublication(params.slug);
    // The regular series, in the documented shape (supplements are read at …/issues/{year}/s{number}).
    return (await listPublishedIssues(params.slug)).map(({ year, number, totalNumber, title, publishedAt }) => ({ year, number, totalNumber, title, publishedAt }));
  },
  { auth: false },
);
