import { DeskLink } from "@/components/workspace/desk-link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { listPublicationsForAdmin } from "@/lib/publications/publications";
import { buttonClass } from "@/components/ui/styles";
import { DataTable } from "@/components/ui/data-table";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("publications");

export default async function AdminPublicationsPage() {
  const viewer = await requireSignedIn("/workspace/admin/publications");
  if (!can(viewer, "manage:publication:any")) notFound();
  const publications = await listPublicationsForAdmin(viewer);
  const t = await getTranslations("admin");
  return (
    <section aria-labelledby="pubs-heading">
      <div className="mb-3 flex items-center justify-between">
        <h2 id="pubs-heading" className="text-lg font-semibold">
          {t("publications.heading")} <span className="text-sm font-normal text-stone-500">({publications.length})</span>
        </h2>
        <DeskLink href="/workspace/admin/publications/new" className={buttonClass}>
          {t("publications.create")}
        </DeskLink>
      </div>
      {publications.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-6 text-sm text-stone-600">{t("publications.empty")}</p>
      ) : (
        <DataTable
          caption={t("publications.heading")}
          rows={publications}
          rowKey={(p) => p.id}
          columns={[
            {
              header: t("publications.name"),
              cell: (p) => (
                <DeskLink href={`/workspace/admin/publications/${p.slug}`} className="hover:underline">
                  {p.name}
                </DeskLink>
              ),
            },
            { header: t("publications.slug"), cell: (p) => p.slug, className: "font-mono text-xs" },
            { header: t("publications.issuingBody"), cell: (p) => p.issuingBody },
            { header: t("publications.showTotalNumber"), cell: (p) => (p.showTotalNumber ? t("yes") : t("no")) },
          ]}
        />
      )}
    </section>
  );
}
