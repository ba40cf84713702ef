import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/handler";
import { authorize } from "@/lib/auth/permissions";
import { createUserWithOneTimePassword, listManagedUsers, newUserSchema } from "@/lib/users/manage";

export const GET = apiRoute(async ({ request, viewer }) => {
  authorize(viewer, "manage:user:any");
  return listManagedUsers(viewer, Object.fromEntries(new URL(request.url).searchParams));
});

/** → 201 {user, password}: the one-time password is in this answer and nowhere else. */
export const POST = apiRoute(async ({ request, viewer }) => {
  authorize(viewer, "manage:user:any");
  const body = await readJson(request, newUserSchema, 16 * 1024);
  return NextResponse.json(await createUserWithOneTimePassword(viewer, body), { status: 201 });
});
