import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { issueId } from "@/lib/api/issue-routes";
import { changesSinceReturn, getSignoffState, signoffIssue } from "@/lib/issues/signoff";

// The sign-off state, history and what changed since the last 退回.
export const GET = apiRoute<{ id: string }>(async ({ params, viewer }) => {
  const id = issueId(params.id);
  const state = await getSignoffState(viewer, id);
  return { ...state, changesSinceReturn: await changesSinceReturn(viewer, id) };
});

// {decision: "approve" | "return", comment?, version?}: parsed by the service (signoffSchema) after the permission check.
export const POST = apiRoute<{ id: string }>(async ({ request, params, viewer }) =>
  signoffIssue(viewer, issueId(params.id), await readJson(request, z.record(z.string(), z.unknown()))),
);
