import { DeskLink } from "@/components/workspace/desk-link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { localizeError } from "@/i18n/errors";
import { AppError } from "@/lib/errors";
import { auditFacets, auditFilterSchema, listAuditEntries } from "@/lib/audit/audit-log";
import { auditTargetHref } from "@/lib/audit/targets";
import { auditDetailLines } from "@/lib/audit/details";
import { formatDateTime } from "@/lib/format";
import { FilterBar } from "@/components/admin/filter-bar";
import { DataTable } from "@/components/ui/data-table";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("audit");

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
    const { message, fields } = await localizeError(e);
    error = Object.values(fields ?? {}).flat()[0] ?? message;
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
  // The export takes the same filters (not the page key): every matching entry, oldest first.
  const exportQuery = new URLSearchParams(Object.entries(given).filter(([k]) => k !== "before"));
  const exportHref = exportQuery.size ? `/api/v1/audit/export?${exportQuery}` : "/api/v1/audit/export";
  // Labels in the reader's language; an unknown key (an entry older than its label) is shown as it is.
  const actionLabel = (a: string) => (t.has(`actions.${a}`) ? t(`actions.${a}`) : a);
  const targetLabel = (v: string) => (t.has(`targets.${v}`) ? t(`targets.${v}`) : v);
  const fieldLabel = (f: string) => (t.has(`fields.${f}`) ? t(`fields.${f}`) : f);
  // Codes recorded as values (a sign-in's reason, its channel) in words; anything else as it is.
  const valueLabel = (f: string, v: string) => (/^[a-z_]+$/.test(f) && /^[a-z_]+$/.test(v) && t.has(`values.${f}.${v}`) ? t(`values.${f}.${v}`) : v);
  const familyLabel = (family: string) => t("familyAll", { family: t.has(`families.${family}`) ? t(`families.${family}`) : family });
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading" className="mb-1 text-lg font-semibold">
        {t("heading")}
      </h2>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm text-stone-600">{t("readOnly")}</p>
        {can(viewer, "export:audit:any") ? (
          <a
            href={exportHref}
            download
            title={t("exportHint")}
            className="rounded border border-stone-300 bg-white px-3 py-1.5 text-sm text-stone-800 hover:bg-stone-50"
          >
            {t("exportCsv")}
          </a>
        ) : null}
      </div>
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
              ...[...new Set(facets.actions.map((a) => a.split(".")[0]!))].map((family) => ({ value: `${family}.`, label: familyLabel(family) })),
              ...facets.actions.map((a) => ({ value: a, label: actionLabel(a) })),
            ],
          },
          {
            kind: "select",
            name: "targetType",
            label: t("targetType"),
            value: f.targetType ?? "",
            options: [{ value: "", label: ta("filter.any") }, ...facets.targetTypes.map((v) => ({ value: v, label: targetLabel(v) }))],
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
          <DataTable
            caption={t("heading")}
            rows={page.entries}
            rowKey={(e) => e.id}
            rowClassName={() => "align-top"}
            columns={[
              { header: t("time"), cell: (e) => formatDateTime(e.at), className: "text-stone-600 tabular-nums" },
              { header: t("actor"), cell: (e) => e.actor ?? <span className="text-stone-500">{t("system")}</span> },
              {
                header: t("action"),
                cell: (e) => <span title={t("rawKey", { key: e.action })}>{actionLabel(e.action)}</span>,
              },
              {
                header: t("target"),
                cell: (e) => {
                  const href = auditTargetHref(e.targetType, e.targetId);
                  // An image is named by its 64-character hash: the start is enough to tell two apart.
                  const id = e.targetId && e.targetId.length > 16 ? `${e.targetId.slice(0, 10)}…` : (e.targetId ?? "");
                  const target = e.targetType ? `${targetLabel(e.targetType)} ${id}` : "—";
                  return href ? (
                    <DeskLink href={href} className="text-stone-900 underline decoration-stone-300 hover:decoration-stone-900">
                      {target}
                    </DeskLink>
                  ) : (
                    target
                  );
                },
              },
              {
                header: t("details"),
                wrap: true,
                className: "min-w-64 text-xs leading-relaxed text-stone-700",
                cell: (e) => {
                  const lines = auditDetailLines(e.details);
                  return (
                    <div data-testid="audit-details">
                      {lines.length > 0 && (
                        <dl>
                          {lines.map((l, i) => (
                            <div key={i}>
                              <dt className="inline text-stone-500">
                                {fieldLabel(l.field)}
                                {t("colon")}
                              </dt>
                              <dd className="inline break-words">{valueLabel(l.field, l.value)}</dd>
                            </div>
                          ))}
                        </dl>
                      )}
                      {e.ip ? <span className="block text-stone-400">IP {e.ip}</span> : null}
                    </div>
                  );
                },
              },
            ]}
          />
          <div className="mt-3 flex gap-4 text-sm">
            {given.before ? (
              <DeskLink href={pageHref()} className="hover:underline">
                {t("newest")}
              </DeskLink>
            ) : null}
            {page.nextBefore ? (
              <DeskLink href={pageHref(page.nextBefore)} className="hover:underline" rel="next">
                {t("older")}
              </DeskLink>
            ) : (
              <span className="text-stone-500">{t("end")}</span>
            )}
          </div>
        </>
      )}
    </section>
  );
}
