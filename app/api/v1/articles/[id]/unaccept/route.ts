import { transitionRoute } from "@/lib/api/article-routes";

export const POST = transitionRoute("unaccept");
