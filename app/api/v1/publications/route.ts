import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/handler";
import { authorize } from "@/lib/auth/permissions";
import { listPublications } from "@/lib/issues/reader";
import { createPublication, publicationInputSchema } from "@/lib/publications/publications";

export const GET = apiRoute(() => listPublications(), { auth: false });

/** Admins: {slug, name, issuingBody, subtitle?, printRecipients?, printCc?, printIssuer?, printCopies?, showTotalNumber?} → 201. */
export const POST = apiRoute(async ({ request, viewer }) => {
  authorize(viewer, "manage:publication:any");
  return NextResponse.json(await createPublication(viewer, await readJson(request, publicationInputSchema, 16 * 1024)), { status: 201 });
});
