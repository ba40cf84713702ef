import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { articleFilterSchema, listArticles } from "@/lib/articles/articles";
import { createArticle } from "@/lib/articles/mutations";

export const GET = apiRoute(async ({ request, viewer }) => {
  const url = new URL(request.url);
  const filter = articleFilterSchema.parse(Object.fromEntries(url.searchParams));
  return { articles: await listArticles(viewer, filter) };
});

export const POST = apiRoute(async ({ request, viewer }) => {
  // 4 MB: a 2 MB document as JSON, plus room for escaping; the service checks the real limits.
  const body = await readJson(request, z.record(z.string(), z.unknown()), 4 * 1024 * 1024);
  const created = await createArticle(viewer, body);
  return NextResponse.json({ id: created.id, status: created.status, version: created.version }, { status: 201 });
});
