import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { DEFAULT_WEIGHTS, WEIGHT_KEYS, listWeightVersions } from "@/lib/stats/weights";
import { formatDateTime } from "@/lib/format";
import { WeightsForm } from "@/components/stats/weights-form";

export default async function WeightsPage() {
  const viewer = await requireSignedIn("/workspace/stats/weights");
  if (!can(viewer, "read:stats:any")) notFound();
  const versions = await listWeightVersions(viewer);
  const now = new Date();
  const current = versions.find((v) => new Date(v.effectiveFrom) <= now)?.weights ?? DEFAULT_WEIGHTS;
  const t = await getTranslations("stats");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/workspace/stats" className="text-stone-600 hover:underline">
          ← {t("back")}
        </Link>
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
        <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b border-stone-200 text-left text-stone-500">
              <th className="px-3 py-2 font-medium">{t("effectiveFrom")}</th>
              {WEIGHT_KEYS.map((k) => (
                <th key={k} className="px-3 py-2 text-right font-medium">
                  {t(`weights.${k}`)}
                </th>
              ))}
              <th className="px-3 py-2 font-medium">{t("setBy")}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id} className="border-b border-stone-100">
                <td className="px-3 py-2 tabular-nums">{formatDateTime(v.effectiveFrom)}</td>
                {WEIGHT_KEYS.map((k) => (
                  <td key={k} className="px-3 py-2 text-right tabular-nums">
                    {v.weights[k]}
                  </td>
                ))}
                <td className="px-3 py-2">{v.createdBy ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </>
  );
}
