import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { listUnits } from "@/lib/units/units";
import { CreateUnitForm, UnitActions } from "@/components/admin/unit-forms";
import { DataTable } from "@/components/ui/data-table";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("units");

export default async function AdminUnitsPage() {
  const viewer = await requireSignedIn("/workspace/admin/units");
  if (!can(viewer, "manage:unit:any")) notFound();
  const units = await listUnits(viewer);
  const t = await getTranslations("admin");
  const active = units.filter((u) => u.active).length;
  return (
    <section aria-labelledby="units-heading">
      <h2 id="units-heading" className="mb-1 text-lg font-semibold">
        {t("units.heading")}
      </h2>
      <p className="mb-4 text-sm text-stone-600">{t("units.totals", { all: units.length, active })}</p>
      <CreateUnitForm />
      {units.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-6 text-sm text-stone-600">{t("units.empty")}</p>
      ) : (
        <DataTable
          caption={t("units.heading")}
          rows={units}
          rowKey={(u) => u.id}
          rowId={(u) => `unit-${u.id}`}
          rowClassName={(u) => `target:bg-amber-50 ${u.active ? "" : "text-stone-400"}`}
          columns={[
            { header: t("units.name"), cell: (u) => u.name },
            { header: t("units.shortName"), cell: (u) => u.shortName ?? "—" },
            { header: t("units.users"), cell: (u) => u.users, align: "right" },
            { header: t("units.articles"), cell: (u) => u.articles, align: "right" },
            {
              header: t("users.status"),
              cell: (u) => (
                <span className={`rounded px-2 py-0.5 text-xs font-medium ${u.active ? "bg-green-100 text-green-800" : "bg-stone-200 text-stone-700"}`}>
                  {u.active ? t("users.active") : t("users.inactive")}
                </span>
              ),
            },
            { header: t("units.actions"), srOnly: true, cell: (u) => <UnitActions unit={u} />, className: "text-right" },
          ]}
        />
      )}
      <p className="mt-4 text-xs text-stone-500">{t("units.renameNote")}</p>
    </section>
  );
}
