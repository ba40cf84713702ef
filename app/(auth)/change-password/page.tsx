import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionViewer } from "@/lib/auth/viewer";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { DeskLink } from "@/components/workspace/desk-link";
import { SignOutButton } from "@/components/workspace/sign-out-button";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

/** Choosing one's own password; required before any desk while a one-time password is in use. */
export default async function ChangePasswordPage() {
  const viewer = await getSessionViewer();
  if (viewer.kind !== "user") redirect("/login?callbackUrl=%2Fchange-password");
  const t = await getTranslations("account");
  return (
    <>
      <h1 className="mb-2 text-xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-sm text-stone-600">{viewer.passwordExpired ? t("expired", { email: viewer.email }) : viewer.mustChangePassword ? t("mustChange", { email: viewer.email }) : t("voluntary", { email: viewer.email })}</p>
      <ChangePasswordForm oneTime={Boolean(viewer.mustChangePassword && !viewer.passwordExpired)} />
      {/* Required first: the way out is to sign out. Chosen freely: back to where it was opened. */}
      <p className="mt-4 text-center text-sm text-stone-600">{viewer.mustChangePassword ? <SignOutButton /> : <DeskLink href="/workspace/account" className="hover:underline">{t("back")}</DeskLink>}</p>
    </>
  );
}
