import { apiRoute } from "@/lib/api/handler";
import { articleId } from "@/lib/api/article-routes";
import { listRevisions } from "@/lib/articles/revisions";

export const GET = apiRoute<{ id: string }>(async ({ params, viewer }) => ({ revisions: await listRevisions(viewer, articleId(params.id)) }));
