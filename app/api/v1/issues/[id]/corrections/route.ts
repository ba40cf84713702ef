import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { issueId } from "@/lib/api/issue-routes";
import { addCorrection } from "@/lib/issues/issues";

export const POST = apiRoute<{ id: string }>(async ({ request, params, viewer }) =>
  NextResponse.json(await addCorrection(viewer, issueId(params.id), await readJson(request, z.record(z.string(), z.unknown()), 4 * 1024 * 1024)), {
    status: 201,
  }),
);
