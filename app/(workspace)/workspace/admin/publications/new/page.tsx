import { DeskLink } from "@/components/workspace/desk-link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { PublicationForm } from "@/components/admin/publication-form";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("publicationNew");

export default async function NewPublicationPage() {
  const viewer = await requireSignedIn("/workspace/admin/publications/new");
  if (!can(viewer, "manage:publication:any")) notFound();
  const t = await getTranslations("admin");
  return (
    <>
      <p className="mb-2 text-sm">
        <DeskLink href="/workspace/admin/publications" className="text-stone-600 hover:underline">
          ← {t("publications.back")}
        </DeskLink>
      </p>
      <h2 className="mb-4 text-lg font-semibold">{t("publications.create")}</h2>
      <PublicationForm publication={null} />
    </>
  );
}
