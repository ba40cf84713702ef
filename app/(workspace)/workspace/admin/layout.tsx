import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { AdminTabs } from "@/components/admin/admin-tabs";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireSignedIn("/workspace/admin");
  // Not for this viewer: answer as if the pages did not exist. Each page checks again.
  if (!can(viewer, "manage:user:any")) notFound();
  const t = await getTranslations("admin");
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{t("title")}</h1>
      <AdminTabs
        label={t("tabs.label")}
        tabs={[
          { href: "/workspace/admin", label: t("tabs.users") },
          { href: "/workspace/admin/units", label: t("tabs.units") },
          { href: "/workspace/admin/publications", label: t("tabs.publications") },
          { href: "/workspace/admin/audit", label: t("tabs.audit") },
        ]}
      />
      {children}
    </>
  );
}
