import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { getArticle, type ArticleDetail } from "./articles";

/** An article for a workspace page: anything the viewer may not see is simply not found. */
export async function loadArticleForPage(viewer: Viewer, rawId: string): Promise<ArticleDetail> {
  if (!/^\d{1,9}$/.test(rawId)) notFound();
  try {
    return await getArticle(viewer, Number(rawId));
  } catch (e) {
    if (e instanceof AppError && (e.code === "not_found" || e.code === "forbidden")) notFound();
    throw e;
  }
}
