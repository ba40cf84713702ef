import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/ui/locale-switcher";

export default async function ReaderLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("reader");
  const ts = await getTranslations("search");
  return (
    <div className="flex min-h-screen flex-col bg-white">
      <header className="border-b border-stone-200">
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-4 px-4 py-3 text-sm">
          <Link href="/" className="font-serif text-base font-bold text-bulletin-red">
            {t("home")}
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
