import { DeskLink } from "@/components/workspace/desk-link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  const t = await getTranslations("workspace.notFound");
  return { title: t("title") };
}

/**
 * A desk page's notFound(): an address the workspace does not have, or one the
 * viewer may not see (pages do not reveal what they hold). It stays in the
 * workspace frame, with its menu, and leads back to the desk, not to the
 * reader site.
 */
export default async function WorkspaceNotFound() {
  const t = await getTranslations("workspace.notFound");
  return (
    <div className="max-w-xl py-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-3 text-stone-600">{t("text")}</p>
      <p className="mt-6">
        <DeskLink href="/workspace" className="text-bulletin-red hover:underline">
          {t("back")}
        </DeskLink>
      </p>
    </div>
  );
}
