import { apiRoute } from "@/lib/api/handler";
import { issueId } from "@/lib/api/issue-routes";
import { previewIssue } from "@/lib/issues/issues";

export const GET = apiRoute<{ id: string }>(async ({ params, viewer }) => previewIssue(viewer, issueId(params.id)));
