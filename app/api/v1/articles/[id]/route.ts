import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { articleId } from "@/lib/api/article-routes";
import { getArticle } from "@/lib/articles/articles";
import { updateArticle } from "@/lib/articles/mutations";

export const GET = apiRoute<{ id: string }>(async ({ params, viewer }) => {
  const { author: _author, ...article } = await getArticle(viewer, articleId(params.id));
  return article;
});

export const PATCH = apiRoute<{ id: string }>(async ({ request, params, viewer }) => {
  const body = await readJson(request, z.record(z.string(), z.unknown()), 4 * 1024 * 1024);
  return updateArticle(viewer, articleId(params.id), body);
});
