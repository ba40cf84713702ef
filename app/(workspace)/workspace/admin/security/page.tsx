import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { POLICY_ROLES, getSecurityPolicyForAdmin } from "@/lib/auth/two-factor";
import { formatDateTime } from "@/lib/format";
import { SecurityPolicyForm } from "@/components/admin/security-policy-form";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("security");

/** 安全策略: the security administrator's page for what `PUT /api/v1/security/policy` sets. */
export default async function AdminSecurityPage() {
  const viewer = await requireSignedIn("/workspace/admin/security");
  if (!can(viewer, "manage:security:any")) notFound();
  const policy = await getSecurityPolicyForAdmin(viewer);
  const t = await getTranslations("admin");
  return (
    <section aria-labelledby="security-heading">
      <h2 id="security-heading" className="mb-1 text-lg font-semibold">
        {t("security.heading")}
      </h2>
      <p className="mb-1 max-w-2xl text-sm text-stone-600">{t("security.intro")}</p>
      <p className="mb-4 text-xs text-stone-500" data-testid="policy-version">
        {policy.version > 0
          ? t("security.lastSaved", { version: policy.version, name: policy.updatedBy ?? t("security.unknownUser"), at: policy.updatedAt ? formatDateTime(policy.updatedAt) : "—" })
          : t("security.neverSaved")}
      </p>
      <SecurityPolicyForm roles={POLICY_ROLES} policy={{ twoFactorRoles: policy.twoFactorRoles, passwordMaxAgeDays: policy.passwordMaxAgeDays, version: policy.version }} />
    </section>
  );
}
