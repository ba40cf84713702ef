import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { AdminTabs } from "@/components/admin/admin-tabs";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireSignedIn("/workspace/admin");
  // Not for this viewer: answer as if the pages did not exist. Each page checks again.
  if (!can(viewer, "read:user:any") && !can(viewer, "read:audit:any")) notFound();
  const t = await getTranslations("admin");
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">{t("title")}</h1>
      <AdminTabs
        label={t("tabs.label")}
        // Each administrator sees the tabs of their own powers (三权分立).
        tabs={[
          ...(can(viewer, "read:user:any") ? [{ href: "/workspace/admin", label: t("tabs.users") }] : []),
          ...(can(viewer, "manage:unit:any") ? [{ href: "/workspace/admin/units", label: t("tabs.units") }] : []),
          ...(can(viewer, "manage:publication:any") ? [{ href: "/workspace/admin/publications", label: t("tabs.publications") }] : []),
          ...(can(viewer, "manage:security:any") ? [{ href: "/workspace/admin/security", label: t("tabs.security") }] : []),
          ...(can(viewer, "read:audit:any") ? [{ href: "/workspace/admin/audit", label: t("tabs.audit") }] : []),
        ]}
      />
      {children}
    </>
  );
}
