import { apiRoute, readJson } from "@/lib/api/handler";
import { authorize } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { unitUpdateSchema, updateUnit } from "@/lib/units/units";

/** {name?, shortName?, active?}: rename or (de)activate. */
export const PATCH = apiRoute<{ id: string }>(async ({ request, params, viewer }) => {
  authorize(viewer, "manage:unit:any");
  if (!/^\d{1,9}$/.test(params.id)) throw new AppError("not_found", "供稿单位不存在");
  return updateUnit(viewer, Number(params.id), await readJson(request, unitUpdateSchema, 8 * 1024));
});
