import { apiRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { parseSearchParams } from "@/lib/search/params";
import { searchArticles } from "@/lib/search/search";

// Public: published articles only. Anonymous on purpose (no session lookup).
export const GET = apiRoute(
  async ({ request, viewer }) => {
    const params = new URL(request.url).searchParams;
    if (!params.has("q")) throw new AppError("bad_request", "缺少搜索词参数 q");
    return searchArticles(viewer, parseSearchParams(params));
  },
  { auth: false },
);
