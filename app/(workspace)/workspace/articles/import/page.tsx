import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { DocxImport } from "@/components/workspace/docx-import";

export default async function ImportPage() {
  const viewer = await requireSignedIn("/workspace/articles/import");
  const t = await getTranslations("articlePages");
  if (!can(viewer, "create:article:own-unit")) {
    return <p className="rounded border border-dashed border-stone-300 p-6 text-stone-600">{t("contributorsOnly")}</p>;
  }
  return (
    <div className="max-w-2xl">
      <h1 className="mb-2 text-xl font-bold">{t("importTitle")}</h1>
      <p className="mb-6 text-sm text-stone-600">{t("importIntro")}</p>
      <DocxImport />
    </div>
  );
}
