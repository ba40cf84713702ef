import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/auth/permissions";
import { listPublicationsForAdmin } from "@/lib/publications/publications";
import { buttonClass } from "@/components/ui/styles";

export default async function AdminPublicationsPage() {
  const viewer = await requireSignedIn("/workspace/admin/publications");
  if (!can(viewer, "manage:publication:any")) notFound();
  const publications = await listPublicationsForAdmin(viewer);
  const t = await getTranslations("admin");
  return (
    <section aria-labelledby="pubs-heading">
      <div className="mb-3 flex items-center justify-between">
        <h2 id="pubs-heading" className="text-lg font-semibold">
          {t("publications.heading")} <span className="text-sm font-normal text-stone-500">({publications.length})</span>
        </h2>
        <Link href="/workspace/admin/publications/new" className={buttonClass}>
          {t("publications.create")}
        </Link>
      </div>
      {publications.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 p-6 text-sm text-stone-600">{t("publications.empty")}</p>
      ) : (
        <table className="w-full border-collapse bg-white text-sm">
          <caption className="sr-only">{t("publications.heading")}</caption>
          <thead>
            <tr className="border-b border-stone-200 text-left text-stone-500">
              <th className="px-3 py-2 font-medium">{t("publications.name")}</th>
              <th className="px-3 py-2 font-medium">{t("publications.slug")}</th>
              <th className="px-3 py-2 font-medium">{t("publications.issuingBody")}</th>
              <th className="px-3 py-2 font-medium">{t("publications.showTotalNumber")}</th>
            </tr>
          </thead>
          <tbody>
            {publications.map((p) => (
              <tr key={p.id} className="border-b border-stone-100">
                <td className="px-3 py-2">
                  <Link href={`/workspace/admin/publications/${p.slug}`} className="hover:underline">
                    {p.name}
                  </Link>
                </td>
                <td className="px-3 py-2 font-mono text-xs">{p.slug}</td>
                <td className="px-3 py-2">{p.issuingBody}</td>
                <td className="px-3 py-2">{p.showTotalNumber ? t("yes") : t("no")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
