import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/ui/locale-switcher";
import { readerBrand } from "@/lib/publications/brand";

/** Page titles end with the publication's name (or the site's, with several); the home page is titled by the publications. */
export async function generateMetadata(): Promise<Metadata> {
  const [t, brand] = await Promise.all([getTranslations("site"), readerBrand()]);
  const name = brand.name ?? t("name");
  const home = brand.name ?? (brand.publications.length ? t("homeTitle", { names: brand.publications.slice(0, 3).join("、"), more: brand.publications.length > 3 ? "more" : "no" }) : t("name"));
  return { title: { default: home, template: `%s · ${name}` } };
}

export default async function ReaderLayout({ children }: { children: React.ReactNode }) {
  const [t, ts, tSite, brand] = await Promise.all([getTranslations("reader"), getTranslations("search"), getTranslations("site"), readerBrand()]);
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
    </div>
  );
}
