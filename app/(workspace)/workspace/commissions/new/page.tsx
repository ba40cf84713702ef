import { DeskLink } from "@/components/workspace/desk-link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { commissionUnitOptions } from "@/lib/commissions/commissions";
import { listPublications } from "@/lib/issues/reader";
import { formatDate, formatDateTime } from "@/lib/format";
import { CommissionForm } from "@/components/commissions/commission-form";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("commissionNew");

/** `YYYY-MM-DDTHH:mm` in China time, for a datetime-local field. */
const localValue = (d: Date) => formatDateTime(d).replace(" ", "T");

export default async function NewCommissionPage() {
  const viewer = await requireSignedIn("/workspace/commissions/new");
  if (!can(viewer, "manage:commission:any")) notFound();
  const [t, units, publications] = await Promise.all([getTranslations("commissions"), commissionUnitOptions(viewer), listPublications()]);
  const now = new Date();
  // Three days on, at the end of the working day.
  const defaultDeadline = `${formatDate(new Date(now.getTime() + 3 * 86_400_000))}T18:00`;
  return (
    <>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{t("new")}</h1>
        <DeskLink href="/workspace/commissions" className="ml-auto text-sm text-stone-600 hover:underline">
          {t("backToList")}
        </DeskLink>
      </div>
      <CommissionForm units={units} publications={publications.map((p) => ({ slug: p.slug, name: p.name }))} defaultDeadline={defaultDeadline} minDeadline={localValue(now)} />
    </>
  );
}
