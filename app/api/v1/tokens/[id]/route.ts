import { apiRoute } from "@/lib/api/handler";
import { authorize } from "@/lib/auth/permissions";
import { revokeApiToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";

/** Revokes a token (one's own; any for admins). */
export const DELETE = apiRoute<{ id: string }>(async ({ params, viewer }) => {
  authorize(viewer, "manage:token:own");
  if (!/^\d{1,9}$/.test(params.id)) throw new AppError("not_found", "令牌不存在");
  return revokeApiToken(viewer, Number(params.id));
});
