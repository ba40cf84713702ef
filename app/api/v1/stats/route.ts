import { apiRoute } from "@/lib/api/handler";
import { authorize } from "@/lib/auth/permissions";
import { getUnitStats } from "@/lib/stats/stats";

/** ?period=2024-03 | 2024-Q1 | 2024 | 2024-01-05..2024-02-10 (or kind=…&month=…), &publication=slug */
export const GET = apiRoute(async ({ request, viewer }) => {
  authorize(viewer, "read:stats:any");
  const report = await getUnitStats(viewer, Object.fromEntries(new URL(request.url).searchParams));
  return { ...report, period: { ...report.period, from: report.period.from.toISOString(), to: report.period.to.toISOString() } };
});
