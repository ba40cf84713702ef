import { apiRoute } from "@/lib/api/handler";
import { articleFilterSchema, listArticles } from "@/lib/articles/articles";

export const GET = apiRoute(async ({ request, viewer }) => {
  const url = new URL(request.url);
  const filter = articleFilterSchema.parse(Object.fromEntries(url.searchParams));
  return { articles: await listArticles(viewer, filter) };
});
