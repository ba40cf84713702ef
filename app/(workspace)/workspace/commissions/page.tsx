import { DeskLink } from "@/components/workspace/desk-link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { commissionSummary, listCommissions } from "@/lib/commissions/commissions";
import { commissionNow } from "@/lib/e2e/clock";
import { formatDateTime } from "@/lib/format";
import { CancelledBadge, CommissionStatusBadge, TimeLeftBadge } from "@/components/commissions/commission-status";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("commissions");

/** 约稿: every commission and how the units answered (editors); the unit's own commissions (contributors). */
export default async function CommissionsPage() {
  const viewer = await requireSignedIn("/workspace/commissions");
  const isEditor = can(viewer, "manage:commission:any");
  if (!isEditor && !can(viewer, "read:commission:own-unit")) notFound();
  const now = commissionNow(await headers());
  const [t, list] = await Promise.all([getTranslations("commissions"), listCommissions(viewer, { now })]);
  return (
    <>
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {isEditor && (
          <DeskLink href="/workspace/commissions/new" className="ml-auto rounded bg-stone-900 px-3 py-1.5 text-sm text-white hover:bg-stone-700">
            {t("new")}
          </DeskLink>
        )}
      </div>
      <p className="mb-6 max-w-3xl text-sm text-stone-600">{isEditor ? t("intro") : t("contributorIntro")}</p>
      {list.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-6 text-sm text-stone-600">{isEditor ? t("empty") : t("emptyContributor")}</p>
      ) : (
        <table className="w-full border-collapse bg-white text-sm" data-testid="commission-list">
          <thead>
            <tr className="border-b border-stone-200 text-left text-stone-500">
              <th className="px-3 py-2 font-medium">{t("table.title")}</th>
              <th className="px-3 py-2 font-medium">{t("table.deadline")}</th>
              <th className="px-3 py-2 font-medium">{isEditor ? t("table.progress") : t("table.status")}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((c) => {
              const own = c.units[0];
              return (
                <tr key={c.id} className={`border-b border-stone-100 align-top ${c.cancelled ? "text-stone-500" : ""}`} data-testid={`commission-row-${c.id}`}>
                  <td className="px-3 py-2">
                    <DeskLink href={`/workspace/commissions/${c.id}`} className="font-medium hover:underline">
                      {c.title}
                    </DeskLink>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                    {formatDateTime(c.deadline)}
                    {!c.cancelled && (
                      <>
                        <br />
                        <TimeLeftBadge deadline={c.deadline} now={now} />
                      </>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    {c.cancelled ? (
                      <p className="flex flex-wrap items-center gap-2">
                        <CancelledBadge />
                        <span className="text-xs">{t("cancelledReason", { reason: c.cancelled.reason })}</span>
                      </p>
                    ) : isEditor ? (
                      <>
                        <span className="text-stone-700">{t("summary", commissionSummary(c))}</span>
                        <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs">
                          {c.units.map((u) => (
                            <li key={u.unitId} className="flex items-center gap-1">
                              {u.unit} <CommissionStatusBadge status={u.status} late={u.late} />
                            </li>
                          ))}
                        </ul>
                      </>
                    ) : (
                      own && <CommissionStatusBadge status={own.status} late={own.late} />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
