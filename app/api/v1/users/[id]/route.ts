import { apiRoute, readJson } from "@/lib/api/handler";
import { authorize } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getManagedUser, updateManagedUser, updateUserSchema } from "@/lib/users/manage";

const userId = (id: string) => {
  if (!/^\d{1,9}$/.test(id)) throw new AppError("not_found", "用户不存在");
  return Number(id);
};

export const GET = apiRoute<{ id: string }>(async ({ params, viewer }) => {
  authorize(viewer, "manage:user:any");
  return getManagedUser(viewer, userId(params.id));
});

/** {name?, role?, unitId?, active?}: `active: false` deactivates (sessions and tokens stop at once). */
export const PATCH = apiRoute<{ id: string }>(async ({ request, params, viewer }) => {
  authorize(viewer, "manage:user:any");
  const id = userId(params.id);
  return updateManagedUser(viewer, id, await readJson(request, updateUserSchema, 16 * 1024));
});
