import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionViewer } from "@/lib/auth/viewer";
import { ChangePasswordForm } from "@/components/auth/change-password-form";

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
      <ChangePasswordForm />
    </>
  );
}
