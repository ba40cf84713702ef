import { apiRoute, readJson } from "@/lib/api/handler";
import { authorize } from "@/lib/auth/permissions";
import { getPublicationForAdmin, publicationUpdateSchema, updatePublication } from "@/lib/publications/publications";

/** Admins: the full settings of a publication (print footer included). */
export const GET = apiRoute<{ slug: string }>(async ({ params, viewer }) => {
  authorize(viewer, "manage:publication:any");
  return getPublicationForAdmin(viewer, params.slug);
});

export const PATCH = apiRoute<{ slug: string }>(async ({ request, params, viewer }) => {
  authorize(viewer, "manage:publication:any");
  return updatePublication(viewer, params.slug, await readJson(request, publicationUpdateSchema, 16 * 1024));
});
