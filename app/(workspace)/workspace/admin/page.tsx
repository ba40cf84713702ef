import { DeskLink } from "@/components/workspace/desk-link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { listManagedUsers, userFilterSchema } from "@/lib/users/manage";
import { unitOptions } from "@/lib/units/units";
import { formatDate } from "@/lib/format";
import { CreateUserDialog } from "@/components/admin/user-forms";
import { FilterBar } from "@/components/admin/filter-bar";
import { UserStatus } from "@/components/admin/user-status";
import { UnlockButton } from "@/components/admin/unlock-button";
import { DataTable } from "@/components/ui/data-table";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("admin");

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const viewer = await requireSignedIn("/workspace/admin");
  if (!can(viewer, "read:user:any")) notFound();
  const mayManage = can(viewer, "manage:user:any");
  const mayUnlock = can(viewer, "manage:security:any");
  const raw = await searchParams;
  const parsed = userFilterSchema.safeParse(raw);
  const filter = parsed.success ? parsed.data : {};
  const [{ users, totals }, units] = await Promise.all([listManagedUsers(viewer, filter), can(viewer, "manage:unit:any") ? unitOptions(viewer) : Promise.resolve([])]);
  const t = await getTranslations("admin");
  const tr = await getTranslations("workspace.roles");
  const filtered = Object.values(filter).some(Boolean);
  return (
    <section aria-labelledby="users-heading">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 id="users-heading" className="text-lg font-semibold">
          {t("users.heading")}
        </h2>
        {mayManage ? <CreateUserDialog units={units.filter((u) => u.active)} /> : null}
      </div>
      <p className="mb-3 text-sm text-stone-600">
        {/* Each part whole on a phone: 供稿人 3, never 供/稿人 3. */}
        {[t("users.totals", { all: totals.all, active: totals.active }), ...totals.byRole.map((r) => `${tr(r.role)} ${r.count}`)].map((part, i) => (
          <span key={i} className="whitespace-nowrap">
            {i > 0 ? " · " : ""}
            {part}
          </span>
        ))}
      </p>
      <FilterBar
        resetHref="/workspace/admin"
        submitLabel={t("filter.apply")}
        resetLabel={t("filter.reset")}
        fields={[
          { kind: "text", name: "q", label: t("users.search"), value: filter.q ?? "" },
          {
            kind: "select",
            name: "role",
            label: t("users.role"),
            value: filter.role ?? "",
            options: [{ value: "", label: t("filter.any") }, ...(["admin", "editor", "signer", "contributor", "sysadmin", "secadmin", "auditadmin"] as const).map((r) => ({ value: r, label: tr(r) }))],
          },
          {
            kind: "select",
            name: "unitId",
            label: t("users.unit"),
            value: filter.unitId ? String(filter.unitId) : "",
            options: [{ value: "", label: t("filter.any") }, ...units.map((u) => ({ value: String(u.id), label: u.name }))],
          },
          {
            kind: "select",
            name: "active",
            label: t("users.status"),
            value: filter.active ?? "",
            options: [
              { value: "", label: t("filter.any") },
              { value: "true", label: t("users.active") },
              { value: "false", label: t("users.inactive") },
            ],
          },
        ]}
      />
      {!parsed.success && (
        <p role="alert" className="mb-3 rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("filter.invalid")}
        </p>
      )}
      {users.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-6 text-sm text-stone-600">{filtered ? t("users.emptyFiltered") : t("users.empty")}</p>
      ) : (
        <DataTable
          caption={t("users.heading")}
          rows={users}
          rowKey={(u) => u.id}
          rowClassName={(u) => (u.active ? "" : "text-stone-400")}
          columns={[
            {
              header: t("users.email"),
              cell: (u) => (
                <DeskLink href={`/workspace/admin/users/${u.id}`} className="text-stone-900 hover:underline">
                  {u.email}
                </DeskLink>
              ),
            },
            { header: t("users.name"), cell: (u) => u.name },
            { header: t("users.role"), cell: (u) => tr(u.role) },
            { header: t("users.unit"), cell: (u) => u.unit ?? "—" },
            {
              header: t("users.status"),
              cell: (u) => (
                <>
                  <UserStatus active={u.active} mustChange={u.mustChangePassword} locked={u.locked} t={t} />
                  {u.locked && mayUnlock ? <UnlockButton userId={u.id} /> : null}
                </>
              ),
            },
            { header: t("users.created"), cell: (u) => formatDate(u.createdAt), className: "text-stone-500" },
          ]}
        />
      )}
    </section>
  );
}
