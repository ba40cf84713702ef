import { DeskLink } from "@/components/workspace/desk-link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getManagedUser } from "@/lib/users/manage";
import { unitOptions } from "@/lib/units/units";
import { listAuditEntries } from "@/lib/audit/audit-log";
import { formatDateTime } from "@/lib/format";
import { EditUserForm, UserAccountActions } from "@/components/admin/user-forms";
import { UserStatus } from "@/components/admin/user-status";
import { UnlockButton } from "@/components/admin/unlock-button";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("user");

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireSignedIn(`/workspace/admin/users/${id}`);
  if (!can(viewer, "read:user:any") || !/^\d{1,9}$/.test(id)) notFound();
  const mayManage = can(viewer, "manage:user:any");
  const user = await getManagedUser(viewer, Number(id)).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  // The history is the audit log's: shown to whoever may read it (not to the system or security administrator).
  const [units, history] = await Promise.all([
    mayManage ? unitOptions(viewer) : Promise.resolve([]),
    can(viewer, "read:audit:any") ? listAuditEntries(viewer, { targetType: "user", targetId: String(user.id), limit: 10 }) : Promise.resolve(null),
  ]);
  const t = await getTranslations("admin");
  const ta = await getTranslations("audit");
  return (
    <>
      <p className="mb-2 text-sm">
        <DeskLink href="/workspace/admin" className="text-stone-600 hover:underline">
          ← {t("users.back")}
        </DeskLink>
      </p>
      <h2 className="text-lg font-semibold">
        {user.name} <span className="font-normal text-stone-500">&lt;{user.email}&gt;</span>
      </h2>
      <div className="mt-1 mb-6 flex items-center gap-3 text-sm text-stone-600">
        <UserStatus active={user.active} mustChange={user.mustChangePassword} locked={user.locked} t={t} />
        {user.locked && can(viewer, "manage:security:any") ? <UnlockButton userId={user.id} /> : null}
        <span>{t("users.createdAt", { at: formatDateTime(user.createdAt) })}</span>
      </div>
      {mayManage ? (
        <div className="grid gap-8 lg:grid-cols-2">
          <section aria-labelledby="edit-heading">
            <h3 id="edit-heading" className="mb-3 font-semibold">
              {t("users.editHeading")}
            </h3>
            <EditUserForm user={user} units={units.filter((u) => u.active || u.id === user.unitId)} />
          </section>
          <section aria-labelledby="account-heading">
            <h3 id="account-heading" className="mb-3 font-semibold">
              {t("users.accountHeading")}
            </h3>
            <p className="mb-3 text-sm text-stone-600">{user.active ? t("users.accountHintActive") : t("users.accountHintInactive")}</p>
            <UserAccountActions userId={user.id} email={user.email} active={user.active} />
            <p className="mt-4 text-sm">
              <DeskLink href={`/workspace/tokens?all=1&user=${user.id}`} className="text-stone-700 hover:underline">
                {t("users.tokensLink")}
              </DeskLink>
            </p>
          </section>
        </div>
      ) : null}
      {history ? (
        <section aria-labelledby="history-heading" className="mt-8">
          <h3 id="history-heading" className="mb-3 font-semibold">
            {t("users.history")}
          </h3>
          {history.entries.length === 0 ? (
            <p className="text-sm text-stone-600">{t("users.noHistory")}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {history.entries.map((e) => (
                <li key={e.id} className="flex gap-3">
                  <span className="text-stone-500 tabular-nums">{formatDateTime(e.at)}</span>
                  <span>{ta.has(`actions.${e.action}`) ? ta(`actions.${e.action}`) : e.action}</span>
                  <span className="text-stone-500">{e.actor ?? ta("system")}</span>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-2 text-sm">
            <DeskLink href={`/workspace/admin/audit?targetType=user&targetId=${user.id}`} className="text-stone-700 hover:underline">
              {t("users.fullHistory")}
            </DeskLink>
          </p>
        </section>
      ) : null}
    </>
  );
}
