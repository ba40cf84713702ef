import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/handler";
import { authorize } from "@/lib/auth/permissions";
import { listWeightVersions, setWeights, setWeightsSchema } from "@/lib/stats/weights";

export const GET = apiRoute(async ({ viewer }) => {
  authorize(viewer, "read:stats:any");
  return { versions: await listWeightVersions(viewer) };
});

/** {weights: {submitted, accepted, published, lead}, effectiveFrom?: "YYYY-MM-DD"} → 201: a new version, never an edit. */
export const POST = apiRoute(async ({ request, viewer }) => {
  authorize(viewer, "manage:scoring:any");
  return NextResponse.json(await setWeights(viewer, await readJson(request, setWeightsSchema, 8 * 1024)), { status: 201 });
});
