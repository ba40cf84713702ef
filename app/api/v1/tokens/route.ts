import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/handler";
import { authorize } from "@/lib/auth/permissions";
import { createApiToken, createTokenSchema, listApiTokens } from "@/lib/auth/tokens";

/** Own tokens; `?all=1` lists everyone's (admins). */
export const GET = apiRoute(async ({ request, viewer }) => {
  const all = new URL(request.url).searchParams.get("all") === "1";
  authorize(viewer, all ? "manage:token:any" : "manage:token:own");
  return { tokens: await listApiTokens(viewer, { all }) };
});

/** {name} → 201 {id, name, token}: the token is shown once, only its hash is kept. */
export const POST = apiRoute(async ({ request, viewer }) => {
  authorize(viewer, "manage:token:own");
  const { name } = await readJson(request, createTokenSchema, 8 * 1024);
  if (viewer.kind !== "user") throw new Error("unreachable: authorize lets only users through");
  const { id, token } = await createApiToken(viewer, viewer.id, name);
  return NextResponse.json({ id, name, token }, { status: 201 });
});
