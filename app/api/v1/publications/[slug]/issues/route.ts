import { apiRoute } from "@/lib/api/handler";
import { getPublication, listPublishedIssues } from "@/lib/issues/reader";

export const GET = apiRoute<{ slug: string }>(
  async ({ params }) => {
    await getPublication(params.slug);
    return listPublishedIssues(params.slug);
  },
  { auth: false },
);
