import { apiRoute } from "@/lib/api/handler";
import { issueId } from "@/lib/api/issue-routes";
import { publishCheckedIssue } from "@/lib/issues/issues";

export const POST = apiRoute<{ id: string }>(async ({ params, viewer }) => publishCheckedIssue(viewer, issueId(params.id)));
