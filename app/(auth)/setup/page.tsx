import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SetupForm } from "@/components/auth/setup-form";
import { countUsers } from "@/lib/users/users";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("setup");
  return { title: t("title") };
}

export default async function SetupPage() {
  if ((await countUsers()) > 0) redirect("/login");
  const t = await getTranslations("setup");
  return (
    <>
      <h1 className="text-xl font-bold">{t("title")}</h1>
      <p className="mt-2 mb-4 text-sm text-stone-600">{t("intro")}</p>
      <SetupForm />
    </>
  );
}
