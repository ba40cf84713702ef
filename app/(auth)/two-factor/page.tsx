import { DeskLink } from "@/components/workspace/desk-link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/workspace/sign-out-button";
import { getSessionViewer } from "@/lib/auth/viewer";
import { findUserById } from "@/lib/users/users";
import { TwoFactorEnrolment } from "@/components/auth/two-factor-enrolment";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("twoFactor");
  return { title: t("title") };
}

/** Two-factor enrolment: a QR code for the authenticator app, a code to confirm, recovery codes shown once. */
export default async function TwoFactorPage() {
  const viewer = await getSessionViewer();
  if (viewer.kind !== "user") redirect("/login?callbackUrl=%2Ftwo-factor");
  if (viewer.mustChangePassword) redirect("/change-password");
  const t = await getTranslations("twoFactor");
  const user = await findUserById(viewer.id);
  return (
    <>
      <h1 className="mb-2 text-xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-sm text-stone-600">{viewer.twoFactorEnrolmentRequired ? t("required") : t("intro")}</p>
      {user?.totpEnabledAt ? (
        <div className="space-y-3">
          <p className="rounded bg-green-50 px-3 py-2 text-sm text-green-800">{t("on")}</p>
          <DeskLink href="/workspace/account" className="text-sm underline">
            {t("manage")}
          </DeskLink>
        </div>
      ) : (
        <TwoFactorEnrolment />
      )}
      {/* Required first: the way out is to sign out. Chosen freely: back to the account page. */}
      <p className="mt-4 text-center text-sm text-stone-600">
        {viewer.twoFactorEnrolmentRequired ? <SignOutButton /> : user?.totpEnabledAt ? null : <DeskLink href="/workspace/account" className="hover:underline">{t("back")}</DeskLink>}
      </p>
    </>
  );
}
