import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { issueId } from "@/lib/api/issue-routes";
import { setIssueLayout } from "@/lib/issues/issues";

export const PUT = apiRoute<{ id: string }>(async ({ request, params, viewer }) =>
  setIssueLayout(viewer, issueId(params.id), await readJson(request, z.record(z.string(), z.unknown()))),
);
