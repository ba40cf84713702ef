import { apiRoute } from "@/lib/api/handler";
import { authorize } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { resetUserPassword } from "@/lib/users/manage";

/** → {password}: a new one-time password, shown once; the user must change it at the next sign-in. */
export const POST = apiRoute<{ id: string }>(async ({ params, viewer }) => {
  authorize(viewer, "manage:user:any");
  if (!/^\d{1,9}$/.test(params.id)) throw new AppError("not_found", "用户不存在");
  return resetUserPassword(viewer, Number(params.id));
});
