import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { createIssue, listIssues } from "@/lib/issues/issues";

export const GET = apiRoute(async ({ viewer }) => ({ issues: await listIssues(viewer) }));

export const POST = apiRoute(async ({ request, viewer }) => {
  const body = await readJson(request, z.record(z.string(), z.unknown()));
  return NextResponse.json(await createIssue(viewer, body), { status: 201 });
});
