import { apiRoute } from "@/lib/api/handler";
import { authorize } from "@/lib/auth/permissions";
import { listAuditEntries } from "@/lib/audit/audit-log";

/** ?actor=&action=&targetType=&targetId=&from=&to=&before=&limit= → {entries, nextBefore}; read-only. */
export const GET = apiRoute(async ({ request, viewer }) => {
  authorize(viewer, "read:audit:any");
  return listAuditEntries(viewer, Object.fromEntries(new URL(request.url).searchParams));
});
