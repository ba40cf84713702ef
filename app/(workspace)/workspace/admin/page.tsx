import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { listUsers } from "@/lib/users/users";

export default async function AdminPage() {
  const viewer = await requireSignedIn("/workspace/admin");
  // Not for this viewer: answer as if the page did not exist.
  if (!can(viewer, "manage:user:any")) notFound();
  const users = await listUsers(viewer);
  const t = await getTranslations("workspace");
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">{t("admin.title")}</h1>
      <h2 className="mb-3 text-lg font-semibold">{t("admin.users")}</h2>
      <table className="w-full border-collapse bg-white text-sm">
        <thead>
          <tr className="border-b border-stone-200 text-left text-stone-500">
            <th className="px-3 py-2 font-medium">{t("admin.email")}</th>
            <th className="px-3 py-2 font-medium">{t("admin.name")}</th>
            <th className="px-3 py-2 font-medium">{t("admin.role")}</th>
            <th className="px-3 py-2 font-medium">{t("admin.unit")}</th>
            <th className="px-3 py-2 font-medium">{t("admin.active")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-b border-stone-100">
              <td className="px-3 py-2">{u.email}</td>
              <td className="px-3 py-2">{u.name}</td>
              <td className="px-3 py-2">{t(`roles.${u.role}`)}</td>
              <td className="px-3 py-2">{u.unit ?? "—"}</td>
              <td className="px-3 py-2">{u.active ? t("admin.yes") : t("admin.no")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-4 text-sm text-stone-600">{t("admin.cliHint")}</p>
    </>
  );
}
