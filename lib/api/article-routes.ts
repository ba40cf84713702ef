import { apiRoute, readJson } from "./handler";
import { AppError } from "@/lib/errors";
import { z } from "zod";
import { transitionArticle } from "@/lib/articles/mutations";
import type { Transition } from "@/lib/articles/status";

export function articleId(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw new AppError("not_found", "稿件不存在");
  return Number(raw);
}

/** POST /api/v1/articles/{id}/{transition}: one route per status transition. */
export function transitionRoute(transition: Transition) {
  return apiRoute<{ id: string }>(async ({ request, params, viewer }) => {
    const id = articleId(params.id);
    const hasBody = Number(request.headers.get("content-length") ?? 0) > 0;
    // The body is checked by transitionArticle after it has checked who is asking.
    const body = hasBody ? await readJson(request, z.unknown(), 16 * 1024) : {};
    return transitionArticle(viewer, id, transition, body);
  });
}
