import { DeskNav } from "@/components/workspace/desk-nav";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { SignOutButton } from "@/components/workspace/sign-out-button";
import { LocaleSwitcher } from "@/components/ui/locale-switcher";
import { AllMessages } from "@/components/ui/all-messages";

export const dynamic = "force-dynamic";

export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireSignedIn();
  const t = await getTranslations("workspace");
  const [tStats, tTokens, tCommissions, tInstructions] = await Promise.all([getTranslations("stats"), getTranslations("tokens"), getTranslations("commissions"), getTranslations("instructions")]);
  const links = [
    { href: "/workspace", label: t("nav.desk") },
    ...(can(viewer, "manage:issue:any") ? [{ href: "/workspace/issues", label: t("nav.issues") }] : []),
    // 约稿: editors write them; a contributor sees those addressed to their unit.
    ...(can(viewer, "manage:commission:any") || can(viewer, "read:commission:own-unit") ? [{ href: "/workspace/commissions", label: tCommissions("nav") }] : []),
    // A signer's desk is the sign-off desk; admins reach it from here.
    ...(can(viewer, "signoff:issue:any") && can(viewer, "read:article:any") ? [{ href: "/workspace/signoff", label: t("nav.signoff") }] : []),
    // 批示台账: signers and editors follow every instruction and its 落实反馈.
    ...(can(viewer, "read:instruction:any") ? [{ href: "/workspace/instructions", label: tInstructions("nav") }] : []),
    ...(can(viewer, "read:stats:any") ? [{ href: "/workspace/stats", label: tStats("nav") }] : []),
    // 三权分立: the audit administrator's administration is the audit log alone.
    ...(can(viewer, "read:user:any") ? [{ href: "/workspace/admin", label: t("nav.admin") }] : can(viewer, "read:audit:any") ? [{ href: "/workspace/admin/audit", label: t("nav.admin") }] : []),
    { href: "/workspace/account", label: t("nav.account") },
    { href: "/workspace/tokens", label: tTokens("nav") },
    { href: "/", label: t("nav.readerSite") },
  ];
  return (
    <AllMessages>
      <div className="flex min-h-screen flex-col sm:flex-row">
        <aside className="border-b border-stone-200 bg-white sm:w-56 sm:border-r sm:border-b-0">
          <div className="p-4">
            <p className="font-serif font-bold text-bulletin-red">{t("title")}</p>
            <p className="mt-1 text-xs text-stone-500" data-testid="viewer">
              {viewer.name} · {t(`roles.${viewer.role}`)}
            </p>
          </div>
          <DeskNav links={links} label={t("nav.label")} />
          <div className="flex items-center gap-3 px-4 pb-4 text-sm text-stone-600">
            <SignOutButton />
            <LocaleSwitcher />
          </div>
        </aside>
        <main id="main" className="flex-1 p-4 sm:p-8">
          {children}
        </main>
      </div>
    </AllMessages>
  );
}
