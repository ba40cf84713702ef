import { getTranslations } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/require";
import { listArticles } from "@/lib/articles/articles";
import { ArticleTable } from "@/components/workspace/article-table";

export default async function DeskPage() {
  const viewer = await requireSignedIn();
  const t = await getTranslations("workspace");
  if (viewer.role === "contributor") {
    const articles = await listArticles(viewer);
    return (
      <>
        <h1 className="mb-6 text-2xl font-bold">{t("contributorDesk")}</h1>
        <h2 className="mb-3 text-lg font-semibold">{t("ourArticles")}</h2>
        <ArticleTable articles={articles} empty={t("emptyContributor")} />
      </>
    );
  }
  const [submitted, accepted] = await Promise.all([listArticles(viewer, { status: "submitted" }), listArticles(viewer, { status: "accepted" })]);
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">{viewer.role === "admin" ? t("adminDesk") : t("editorDesk")}</h1>
      <h2 className="mb-3 text-lg font-semibold">{t("inbox")}</h2>
      <ArticleTable articles={submitted} empty={t("emptyInbox")} />
      <h2 className="mt-8 mb-3 text-lg font-semibold">{t("acceptedArticles")}</h2>
      <ArticleTable articles={accepted} empty={t("emptyAccepted")} />
    </>
  );
}
