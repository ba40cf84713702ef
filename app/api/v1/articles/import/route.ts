import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { readUpload } from "@/lib/api/upload";
import { authorize, can } from "@/lib/auth/permissions";
import { importDocx, maxDocxBytes } from "@/lib/articles/import-docx";

export const POST = apiRoute(async ({ request, viewer }) => {
  // Check who is asking before reading a large upload.
  if (!can(viewer, "create:article:own-unit")) authorize(viewer, "update:article:any");
  const { bytes } = await readUpload(request, maxDocxBytes());
  const created = await importDocx(viewer, bytes);
  return NextResponse.json(created, { status: 201 });
});
