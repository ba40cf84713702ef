import { apiRoute } from "@/lib/api/handler";
import { authorize } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getUnitStats } from "@/lib/stats/stats";
import { attachmentHeader, statsToCsv, statsToXlsx } from "@/lib/stats/export";

/** The report as CSV (UTF-8 with BOM) or .xlsx: ?format=csv|xlsx plus the filters of GET /api/v1/stats. */
export const GET = apiRoute(async ({ request, viewer }) => {
  authorize(viewer, "read:stats:any");
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const format = params.format ?? "csv";
  if (format !== "csv" && format !== "xlsx") throw new AppError("invalid", "导出格式只能是 csv 或 xlsx", { format: ["csv 或 xlsx"] });
  const report = await getUnitStats(viewer, params);
  const base = `stats-${report.period.key.replace("..", "_")}${report.publication ? `-${report.publication.slug}` : ""}`;
  const utf8Name = `信息采用统计-${report.period.key.replace("..", "_")}${report.publication ? `-${report.publication.slug}` : ""}.${format}`;
  const body = format === "csv" ? statsToCsv(report) : await statsToXlsx(report);
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": attachmentHeader(`${base}.${format}`, utf8Name),
      "cache-control": "private, no-store",
    },
  });
});
