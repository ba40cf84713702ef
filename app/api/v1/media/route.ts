import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { readUpload } from "@/lib/api/upload";
import { authorize, can } from "@/lib/auth/permissions";
import { maxMediaBytes, storeMedia } from "@/lib/media/media";

export const POST = apiRoute(async ({ request, viewer }) => {
  if (!can(viewer, "create:article:own-unit")) authorize(viewer, "update:article:any");
  const { bytes } = await readUpload(request, maxMediaBytes());
  return NextResponse.json(await storeMedia(viewer, bytes), { status: 201 });
});
