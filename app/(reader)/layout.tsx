import Link from "next/link";
import type { Metadata, Viewport } from "next";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/ui/locale-switcher";
import { readerBrand } from "@/lib/publications/brand";
import { ReaderApp } from "@/components/reader/reader-app";
import { ReaderAppMessages } from "@/components/reader/reader-app-messages";

/** Page titles end with the publication's name (or the site's, with several); the home page is titled by the publications. */
export async function generateMetadata(): Promise<Metadata> {
  const [t, brand] = await Promise.all([getTranslations("site"), readerBrand()]);
  const name = brand.name ?? t("name");
  const home = brand.name ?? (brand.publications.length ? t("homeTitle", { names: brand.publications.slice(0, 3).join("、"), more: brand.publications.length > 3 ? "more" : "no" }) : t("name"));
  return { title: { default: home, template: `%s · ${name}` }, icons: { apple: "/icons/apple-touch-icon.png" }, appleWebApp: { capable: true, title: name } };
}

/** The installed app's title bar in the masthead red. */
export const viewport: Viewport = { themeColor: "#c00000" };

export default async function ReaderLayout({ children }: { children: React.ReactNode }) {
  const [t, ts, tSite, tApp, brand] = await Promise.all([getTranslations("reader"), getTranslations("search"), getTranslations("site"), getTranslations("readerApp"), readerBrand()]);
  return (
    <div className="flex min-h-screen flex-col bg-white">
      <header className="border-b border-stone-200">
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-4 px-4 py-3 text-sm">
          <Link href="/" className="font-serif text-base font-bold text-bulletin-red" data-testid="reader-brand">
            {brand.name ?? tSite("name")}
          </Link>
          <nav className="flex items-center gap-4 text-stone-600">
            <Link href="/search" className="hover:text-stone-900">
              {ts("navLink")}
            </Link>
            <Link href="/app" className="hover:text-stone-900">
              {tApp("navLink")}
            </Link>
            <Link href="/login" className="hover:text-stone-900">
              {t("signIn")}
            </Link>
            <LocaleSwitcher />
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
      <footer className="border-t border-stone-200 py-4 text-center text-xs text-stone-500">{t("footer")}</footer>
      <ReaderAppMessages>
        <ReaderApp />
      </ReaderAppMessages>
    </div>
  );
}
