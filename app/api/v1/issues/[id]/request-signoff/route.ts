import { apiRoute } from "@/lib/api/handler";
import { issueId } from "@/lib/api/issue-routes";
import { requestSignoff } from "@/lib/issues/signoff";

export const POST = apiRoute<{ id: string }>(async ({ params, viewer }) => requestSignoff(viewer, issueId(params.id)));
