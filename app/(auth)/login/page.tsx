import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { countUsers } from "@/lib/users/users";
import { getSessionViewer } from "@/lib/auth/viewer";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("signInTitle") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if ((await countUsers()) === 0) redirect("/setup");
  if ((await getSessionViewer()).kind === "user") redirect("/workspace");
  const { callbackUrl } = await searchParams;
  // Only same-site paths: never an open redirect.
  const target = callbackUrl && /^\/(?!\/)[^\\]*$/.test(callbackUrl) ? callbackUrl : "/workspace";
  const t = await getTranslations("auth");
  return (
    <>
      <h1 className="mb-4 text-xl font-bold">{t("signInTitle")}</h1>
      <LoginForm callbackUrl={target} />
    </>
  );
}
