import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { articleId } from "@/lib/api/article-routes";
import { diffRevisions } from "@/lib/articles/revisions";

const querySchema = z.object({ from: z.coerce.number().int().min(1).optional(), to: z.coerce.number().int().min(1).optional() });

export const GET = apiRoute<{ id: string }>(async ({ request, params, viewer }) => {
  const q = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return diffRevisions(viewer, articleId(params.id), q.from, q.to);
});
