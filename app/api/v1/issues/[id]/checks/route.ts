import { apiRoute } from "@/lib/api/handler";
import { issueId } from "@/lib/api/issue-routes";
import { checkIssue } from "@/lib/issues/issues";

export const GET = apiRoute<{ id: string }>(async ({ params, viewer }) => ({ checks: await checkIssue(viewer, issueId(params.id)) }));
