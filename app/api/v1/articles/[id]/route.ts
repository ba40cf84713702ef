import { apiRoute } from "@/lib/api/handler";
import { getArticle } from "@/lib/articles/articles";
import { AppError } from "@/lib/errors";

export const GET = apiRoute<{ id: string }>(async ({ params, viewer }) => {
  if (!/^\d{1,9}$/.test(params.id)) throw new AppError("not_found", "稿件不存在");
  const { titleLines: _lines, author: _author, ...article } = await getArticle(viewer, Number(params.id));
  return article;
});
