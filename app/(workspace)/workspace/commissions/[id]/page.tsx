import { DeskLink } from "@/components/workspace/desk-link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { commissionSummary, getCommission, type CommissionDetail } from "@/lib/commissions/commissions";
import { markNotificationsRead } from "@/lib/notifications/notifications";
import { commissionNow } from "@/lib/e2e/clock";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { CancelledBadge, CommissionStatusBadge, TimeLeftBadge } from "@/components/commissions/commission-status";
import { CancelCommission } from "@/components/commissions/cancel-commission";
import { StatusBadge } from "@/components/workspace/status-badge";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("commission");

/**
 * One commission: its brief and deadline, and per unit open / answered on
 * time / answered late / missed with links to the articles (editors); the
 * unit's own answer and the way to write one (contributors). A unit it was
 * not addressed to gets 404.
 */
export default async function CommissionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireSignedIn(`/workspace/commissions/${id}`);
  if (!/^\d{1,9}$/.test(id)) notFound();
  if (!can(viewer, "manage:commission:any") && !can(viewer, "read:commission:own-unit")) notFound();
  const now = commissionNow(await headers());
  let commission: CommissionDetail;
  try {
    commission = await getCommission(viewer, Number(id), { now });
  } catch (e) {
    if (e instanceof AppError && (e.code === "not_found" || e.code === "forbidden")) notFound();
    throw e;
  }
  await markNotificationsRead(viewer, undefined, undefined, commission.id);
  const isEditor = can(viewer, "manage:commission:any");
  const t = await getTranslations("commissions");
  const own = isEditor ? null : commission.units[0];
  return (
    <div className="max-w-5xl">
      <p className="mb-2 text-sm">
        <DeskLink href="/workspace/commissions" className="text-stone-600 hover:underline">
          {t("backToList")}
        </DeskLink>
      </p>
      <div className="mb-2 flex flex-wrap items-start gap-3">
        <h1 className="text-2xl font-bold">{commission.title}</h1>
        {commission.cancelled && <CancelledBadge />}
        {isEditor && !commission.cancelled && (
          <span className="ml-auto flex gap-2">
            <DeskLink href={`/workspace/commissions/${commission.id}/edit`} className="rounded border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-50">
              {t("editButton")}
            </DeskLink>
            <CancelCommission id={commission.id} version={commission.version} title={commission.title} />
          </span>
        )}
      </div>
      <p className="mb-6 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-stone-600">
        <span className="tabular-nums">{t("deadline", { time: formatDateTime(commission.deadline) })}</span>
        {!commission.cancelled && <TimeLeftBadge deadline={commission.deadline} now={now} />}
        {commission.publication && <span>{t("publication", { name: commission.publication.name })}</span>}
        <span>{t("createdBy", { who: commission.createdBy ?? "—", time: formatDateTime(commission.createdAt) })}</span>
      </p>

      {commission.cancelled && (
        <div role="note" className="mb-6 rounded border border-stone-300 bg-stone-100 p-4 text-sm" data-testid="commission-cancelled-note">
          <p className="font-medium">{t("cancelledBy", { who: commission.cancelled.by ?? "—", time: formatDateTime(commission.cancelled.at) })}</p>
          <p className="mt-1 whitespace-pre-wrap">{t("cancelledReason", { reason: commission.cancelled.reason })}</p>
          {!isEditor && <p className="mt-1 text-stone-600">{t("cancelledUnitNote")}</p>}
        </div>
      )}

      {own && !commission.cancelled && (
        <div className="mb-6 flex flex-wrap items-center gap-3 rounded border border-stone-200 bg-white p-4">
          <CommissionStatusBadge status={own.status} late={own.late} />
          {own.answeredAt && <span className="text-sm text-stone-600 tabular-nums">{t("answeredAt")}：{formatDateTime(own.answeredAt)}</span>}
          {can(viewer, "create:article:own-unit") && (
            <span className="ml-auto flex gap-2">
              <DeskLink href={`/workspace/articles/new?commission=${commission.id}`} className="rounded bg-stone-900 px-3 py-1.5 text-sm text-white hover:bg-stone-700">
                {t("answer")}
              </DeskLink>
              <DeskLink href={`/workspace/articles/import?commission=${commission.id}`} className="rounded border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100">
                {t("importAnswer")}
              </DeskLink>
            </span>
          )}
        </div>
      )}

      <section aria-labelledby="brief-heading" className="mb-8">
        <h2 id="brief-heading" className="mb-2 text-lg font-semibold">
          {t("brief")}
        </h2>
        <div className="rounded border border-stone-200 bg-white p-5">
          <div className="bulletin">
            <div className="article-body text-[16px]" data-testid="commission-brief" dangerouslySetInnerHTML={{ __html: commission.briefHtml }} />
          </div>
        </div>
      </section>

      <section aria-labelledby="units-heading">
        <h2 id="units-heading" className="mb-2 text-lg font-semibold">
          {isEditor ? t("units") : t("ownArticles")}
        </h2>
        {isEditor && <p className="mb-3 text-sm text-stone-600">{commission.cancelled ? t("cancelledSummary") : t("summary", commissionSummary(commission))}</p>}
        {!isEditor && own && own.articles.length === 0 ? (
          <p className="rounded border border-dashed border-stone-300 p-4 text-sm text-stone-600">{t("noOwnArticles")}</p>
        ) : (
          <table className="w-full border-collapse bg-white text-sm" data-testid="commission-units">
            <thead>
              <tr className="border-b border-stone-200 text-left text-stone-500">
                <th className="px-3 py-2 font-medium">{t("unit")}</th>
                <th className="px-3 py-2 font-medium">{t("status")}</th>
                <th className="px-3 py-2 font-medium">{t("answeredAt")}</th>
                <th className="px-3 py-2 font-medium">{t("articles")}</th>
              </tr>
            </thead>
            <tbody>
              {commission.units.map((u) => (
                <tr key={u.unitId} className="border-b border-stone-100 align-top" data-testid={`commission-unit-${u.unitId}`}>
                  <td className="px-3 py-2 font-medium">{u.unit}</td>
                  <td className="px-3 py-2">
                    {/* Cancelled: nothing is due any more; an answer already given still shows. */}
                    {commission.cancelled && u.status !== "answered" ? <CancelledBadge /> : <CommissionStatusBadge status={u.status} late={u.late} />}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap text-stone-600 tabular-nums">{u.answeredAt ? formatDateTime(u.answeredAt) : "—"}</td>
                  <td className="px-3 py-2">
                    {u.articles.length === 0 ? (
                      "—"
                    ) : (
                      <ul className="space-y-1">
                        {u.articles.map((a) => (
                          <li key={a.id} className="flex flex-wrap items-center gap-2">
                            <DeskLink href={`/workspace/articles/${a.id}`} className="hover:underline">
                              {a.title || `#${a.id}`}
                            </DeskLink>
                            <StatusBadge status={a.status} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
