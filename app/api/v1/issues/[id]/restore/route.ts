import { apiRoute } from "@/lib/api/handler";
import { issueId } from "@/lib/api/issue-routes";
import { restoreIssue } from "@/lib/issues/issues";

export const POST = apiRoute<{ id: string }>(async ({ params, viewer }) => restoreIssue(viewer, issueId(params.id)));
