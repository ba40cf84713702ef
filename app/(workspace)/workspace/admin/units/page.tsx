import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { listUnits } from "@/lib/units/units";
import { CreateUnitForm, UnitActions } from "@/components/admin/unit-forms";

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
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm">
            <caption className="sr-only">{t("units.heading")}</caption>
            <thead>
              <tr className="border-b border-stone-200 text-left text-stone-500">
                <th className="px-3 py-2 font-medium">{t("units.name")}</th>
                <th className="px-3 py-2 font-medium">{t("units.shortName")}</th>
                <th className="px-3 py-2 text-right font-medium">{t("units.users")}</th>
                <th className="px-3 py-2 text-right font-medium">{t("units.articles")}</th>
                <th className="px-3 py-2 font-medium">{t("users.status")}</th>
                <th className="px-3 py-2 font-medium">
                  <span className="sr-only">{t("units.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.id} id={`unit-${u.id}`} className={`border-b border-stone-100 target:bg-amber-50 ${u.active ? "" : "text-stone-400"}`}>
                  <td className="px-3 py-2">{u.name}</td>
                  <td className="px-3 py-2">{u.shortName ?? "—"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{u.users}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{u.articles}</td>
                  <td className="px-3 py-2">
                    <span className={`rounded px-2 py-0.5 text-xs font-medium ${u.active ? "bg-green-100 text-green-800" : "bg-stone-200 text-stone-700"}`}>
                      {u.active ? t("users.active") : t("users.inactive")}
                    </span>
                  </td>
                  <td className="px-3 py-2 text-right">
                    <UnitActions unit={u} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="mt-4 text-xs text-stone-500">{t("units.renameNote")}</p>
    </section>
  );
}
