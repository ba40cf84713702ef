import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { articleId } from "@/lib/api/article-routes";
import { restoreRevision } from "@/lib/articles/revisions";

const bodySchema = z.object({ revision: z.number().int().min(1), version: z.number().int().min(1) }).strict();

export const POST = apiRoute<{ id: string }>(async ({ request, params, viewer }) => {
  const body = await readJson(request, bodySchema);
  return restoreRevision(viewer, articleId(params.id), body.revision, body.version);
});
