// The page the reader app shows for a page it has not kept when there is no
// connection (public/sw.js keeps it at install), instead of the browser's error.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { KeptIssues } from "@/components/reader/kept-issues";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("readerApp");
  return { title: t("offlineTitle"), robots: { index: false } };
}

export default async function OfflinePage() {
  const t = await getTranslations("readerApp");
  return (
    <article>
      <h1 className="mb-3 font-serif text-2xl font-bold">{t("offlineTitle")}</h1>
      <p className="text-stone-700">{t("offlineText")}</p>
      <KeptIssues />
      <p className="mt-6">
        <a href="/" className="text-stone-800 underline underline-offset-4">
          {t("home")}
        </a>
      </p>
    </article>
  );
}
