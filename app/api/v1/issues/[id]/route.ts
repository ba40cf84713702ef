import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { issueId } from "@/lib/api/issue-routes";
import { getIssue, updateIssue } from "@/lib/issues/issues";

export const GET = apiRoute<{ id: string }>(async ({ params, viewer }) => getIssue(viewer, issueId(params.id)));

export const PATCH = apiRoute<{ id: string }>(async ({ request, params, viewer }) =>
  updateIssue(viewer, issueId(params.id), await readJson(request, z.record(z.string(), z.unknown()))),
);
