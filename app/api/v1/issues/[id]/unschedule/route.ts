import { apiRoute } from "@/lib/api/handler";
import { issueId } from "@/lib/api/issue-routes";
import { cancelSchedule } from "@/lib/issues/issues";

export const POST = apiRoute<{ id: string }>(async ({ params, viewer }) => cancelSchedule(viewer, issueId(params.id)));
