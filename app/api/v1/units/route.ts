import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/handler";
import { authorize } from "@/lib/auth/permissions";
import { createUnit, listUnits, unitInputSchema } from "@/lib/units/units";

export const GET = apiRoute(async ({ viewer }) => {
  authorize(viewer, "manage:unit:any");
  return { units: await listUnits(viewer) };
});

export const POST = apiRoute(async ({ request, viewer }) => {
  authorize(viewer, "manage:unit:any");
  const { id } = await createUnit(viewer, await readJson(request, unitInputSchema, 8 * 1024));
  const unit = (await listUnits(viewer)).find((u) => u.id === id);
  return NextResponse.json(unit, { status: 201 });
});
