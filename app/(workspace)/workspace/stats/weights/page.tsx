import { DeskLink } from "@/components/workspace/desk-link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { DEFAULT_WEIGHTS, WEIGHT_KEYS, listWeightVersions, weightsIn } from "@/lib/stats/weights";
import { WEIGHT_GROUPS } from "@/lib/stats/weight-groups";
import { formatDateTime } from "@/lib/format";
import { WeightsForm } from "@/components/stats/weights-form";
import { DataTable } from "@/components/ui/data-table";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("weights");

export default async function WeightsPage() {
  const viewer = await requireSignedIn("/workspace/stats/weights");
  if (!can(viewer, "read:stats:any")) notFound();
  const versions = await listWeightVersions(viewer);
  const current = weightsIn(versions, new Date());
  const t = await getTranslations("stats");
  return (
    <>
      <p className="mb-2 text-sm">
        <DeskLink href="/workspace/stats" className="text-stone-600 hover:underline">
          ← {t("back")}
        </DeskLink>
      </p>
      <h1 className="mb-2 text-2xl font-bold">{t("weightsTitle")}</h1>
      <p className="mb-4 max-w-2xl text-sm text-stone-600">{t("weightsIntro")}</p>
      {can(viewer, "manage:scoring:any") ? <WeightsForm current={current} /> : null}
      <h2 className="mt-8 mb-2 text-lg font-semibold">{t("history")}</h2>
      {versions.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-6 text-sm text-stone-600">
          {t("noHistory", { defaults: WEIGHT_KEYS.map((k) => `${t(`weights.${k}`)} ${DEFAULT_WEIGHTS[k]}`).join(" · ") })}
        </p>
      ) : (
        <DataTable
          caption={t("history")}
          columns={[
            { header: t("effectiveFrom"), cell: (v) => formatDateTime(v.effectiveFrom), className: "tabular-nums align-top" },
            // One column per group (稿件, 约稿, 领导批示, 上级采用), each weight on a line of its own: 15 narrow columns did not fit.
            ...WEIGHT_GROUPS.map(([group, keys]) => ({
              header: t(`weightGroups.${group}`),
              className: "align-top",
              cell: (v: (typeof versions)[number]) => (
                <ul>
                  {keys.map((k) => (
                    <li key={k} className="whitespace-nowrap">
                      {t(`weights.${k}`)} <span className="tabular-nums font-medium">{v.weights[k]}</span>
                    </li>
                  ))}
                </ul>
              ),
            })),
            { header: t("setBy"), cell: (v) => v.createdBy ?? "—", className: "align-top" },
          ]}
          rows={versions}
          rowKey={(v) => v.id}
        />
      )}
    </>
  );
}
