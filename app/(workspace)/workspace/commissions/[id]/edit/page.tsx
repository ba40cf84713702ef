import { DeskLink } from "@/components/workspace/desk-link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { commissionUnitOptions, getCommission, type CommissionDetail } from "@/lib/commissions/commissions";
import { commissionNow } from "@/lib/e2e/clock";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { CommissionForm } from "@/components/commissions/commission-form";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("commissionEdit");

/** `YYYY-MM-DDTHH:mm` in China time, for a datetime-local field. */
const localValue = (d: Date | string) => formatDateTime(d).replace(" ", "T");

/** 修改约稿 (editors): the creation form, prefilled with the commission as it stands. A cancelled one cannot change. */
export default async function EditCommissionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireSignedIn(`/workspace/commissions/${id}/edit`);
  if (!/^\d{1,9}$/.test(id) || !can(viewer, "manage:commission:any")) notFound();
  const now = commissionNow(await headers());
  let commission: CommissionDetail;
  try {
    commission = await getCommission(viewer, Number(id), { now });
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
  if (commission.cancelled) notFound();
  const [t, active] = await Promise.all([getTranslations("commissions"), commissionUnitOptions(viewer)]);
  // A unit addressed before it was deactivated stays in the list, so saving does not drop it unasked.
  const units = [...active, ...commission.units.filter((u) => !active.some((a) => a.id === u.unitId)).map((u) => ({ id: u.unitId, name: u.unit }))];
  return (
    <>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{t("edit")}</h1>
        <DeskLink href={`/workspace/commissions/${commission.id}`} className="ml-auto text-sm text-stone-600 hover:underline">
          {t("backToCommission")}
        </DeskLink>
      </div>
      <CommissionForm
        units={units}
        publications={[]}
        defaultDeadline={localValue(commission.deadline)}
        minDeadline={localValue(now)}
        commission={{
          id: commission.id,
          version: commission.version,
          title: commission.title,
          brief: commission.brief,
          deadline: localValue(commission.deadline),
          unitIds: commission.units.map((u) => u.unitId),
        }}
      />
    </>
  );
}
