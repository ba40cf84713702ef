import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { auditFacets, auditFilterSchema, listAuditEntries } from "@/lib/audit/audit-log";
import { auditTargetHref } from "@/lib/audit/targets";
import { formatDateTime } from "@/lib/format";
import { FilterBar } from "@/components/admin/filter-bar";

const FILTER_KEYS = ["actor", "action", "targetType", "targetId", "from", "to"] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const viewer = await requireSignedIn("/workspace/admin/audit");
  if (!can(viewer, "read:audit:any")) notFound();
  const raw = await searchParams;
  const given = Object.fromEntries(
    Object.entries(raw).filter(([k, v]) => v && ([...FILTER_KEYS, "before"] as string[]).includes(k)),
  ) as Record<string, string>;
  const t = await getTranslations("audit");
  const ta = await getTranslations("admin");
  const facets = await auditFacets(viewer);
  let page: Awaited<ReturnType<typeof listAuditEntries>> | null = null;
  let error: string | null = null;
  try {
    page = await listAuditEntries(viewer, given);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    error = Object.values(e.fields ?? {}).flat()[0] ?? e.message;
  }
  const parsed = auditFilterSchema.partial().safeParse(given);
  const f = parsed.success ? parsed.data : {};
  const filtered = FILTER_KEYS.some((k) => given[k]);
  // Pages go by key: "older" continues below the last id shown.
  const pageHref = (before?: number) => {
    const q = new URLSearchParams(Object.entries(given).filter(([k]) => k !== "before"));
    if (before) q.set("before", String(before));
    return q.size ? `/workspace/admin/audit?${q}` : "/workspace/admin/audit";
  };
  const actionLabel = (a: string) => (t.has(`actions.${a}`) ? `${t(`actions.${a}`)}` : a);
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading" className="mb-1 text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="mb-4 text-sm text-stone-600">{t("readOnly")}</p>
      <FilterBar
        resetHref="/workspace/admin/audit"
        submitLabel={ta("filter.apply")}
        resetLabel={ta("filter.reset")}
        fields={[
          {
            kind: "select",
            name: "actor",
            label: t("actor"),
            value: f.actor ? String(f.actor) : "",
            options: [{ value: "", label: ta("filter.any") }, ...facets.actors.map((a) => ({ value: String(a.id), label: a.label }))],
          },
          {
            kind: "select",
            name: "action",
            label: t("action"),
            value: f.action ?? "",
            options: [
              { value: "", label: ta("filter.any") },
              ...[...new Set(facets.actions.map((a) => a.split(".")[0] + "."))].map((family) => ({ value: family, label: `${family}*` })),
              ...facets.actions.map((a) => ({ value: a, label: `${actionLabel(a)} (${a})` })),
            ],
          },
          {
            kind: "select",
            name: "targetType",
            label: t("targetType"),
            value: f.targetType ?? "",
            options: [{ value: "", label: ta("filter.any") }, ...facets.targetTypes.map((v) => ({ value: v, label: t.has(`targets.${v}`) ? t(`targets.${v}`) : v }))],
          },
          { kind: "text", name: "targetId", label: t("targetId"), value: f.targetId ?? "" },
          { kind: "date", name: "from", label: t("from"), value: f.from ?? "" },
          { kind: "date", name: "to", label: t("to"), value: f.to ?? "" },
        ]}
      />
      {error ? (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("invalidFilter", { message: error })}
        </p>
      ) : !page || page.entries.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-6 text-sm text-stone-600">{filtered ? t("emptyFiltered") : t("empty")}</p>
      ) : (
        <>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse bg-white text-sm">
              <caption className="sr-only">{t("heading")}</caption>
              <thead>
                <tr className="border-b border-stone-200 text-left text-stone-500">
                  <th className="px-3 py-2 font-medium">{t("time")}</th>
                  <th className="px-3 py-2 font-medium">{t("actor")}</th>
                  <th className="px-3 py-2 font-medium">{t("action")}</th>
                  <th className="px-3 py-2 font-medium">{t("target")}</th>
                  <th className="px-3 py-2 font-medium">{t("details")}</th>
                </tr>
              </thead>
              <tbody>
                {page.entries.map((e) => {
                  const href = auditTargetHref(e.targetType, e.targetId);
                  const target = e.targetType ? `${t.has(`targets.${e.targetType}`) ? t(`targets.${e.targetType}`) : e.targetType} ${e.targetId ?? ""}` : "—";
                  return (
                    <tr key={e.id} className="border-b border-stone-100 align-top">
                      <td className="px-3 py-2 whitespace-nowrap text-stone-600 tabular-nums">{formatDateTime(e.at)}</td>
                      <td className="px-3 py-2">{e.actor ?? <span className="text-stone-500">{t("system")}</span>}</td>
                      <td className="px-3 py-2">
                        {actionLabel(e.action)} <span className="font-mono text-xs text-stone-500">{e.action}</span>
                      </td>
                      <td className="px-3 py-2 whitespace-nowrap">
                        {href ? (
                          <Link href={href} className="text-stone-900 underline decoration-stone-300 hover:decoration-stone-900">
                            {target}
                          </Link>
                        ) : (
                          target
                        )}
                      </td>
                      <td className="max-w-md px-3 py-2 font-mono text-xs break-all text-stone-600">
                        {e.details ? JSON.stringify(e.details) : ""}
                        {e.ip ? <span className="block text-stone-400">IP {e.ip}</span> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="mt-3 flex gap-4 text-sm">
            {given.before ? (
              <Link href={pageHref()} className="hover:underline">
                {t("newest")}
              </Link>
            ) : null}
            {page.nextBefore ? (
              <Link href={pageHref(page.nextBefore)} className="hover:underline" rel="next">
                {t("older")}
              </Link>
            ) : (
              <span className="text-stone-500">{t("end")}</span>
            )}
          </div>
        </>
      )}
    </section>
  );
}
