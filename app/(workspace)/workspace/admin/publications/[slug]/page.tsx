import { DeskLink } from "@/components/workspace/desk-link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getPublicationForAdmin } from "@/lib/publications/publications";
import { PublicationForm } from "@/components/admin/publication-form";
import { deskTitle } from "@/components/workspace/desk-title";

export const generateMetadata = deskTitle("publication");

export default async function EditPublicationPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const viewer = await requireSignedIn(`/workspace/admin/publications/${slug}`);
  if (!can(viewer, "manage:publication:any")) notFound();
  const publication = await getPublicationForAdmin(viewer, decodeURIComponent(slug)).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  const t = await getTranslations("admin");
  return (
    <>
      <p className="mb-2 text-sm">
        <DeskLink href="/workspace/admin/publications" className="text-stone-600 hover:underline">
          ← {t("publications.back")}
        </DeskLink>
      </p>
      <h2 className="mb-1 text-lg font-semibold">{publication.name}</h2>
      <p className="mb-4 text-sm text-stone-600">{t("publications.editNote")}</p>
      <PublicationForm publication={publication} />
    </>
  );
}
