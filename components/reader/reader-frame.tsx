// The reader pages' frame: masthead, navigation, footer. Documents, not an
// application: plain links (each page loads whole), the language switch a
// link to GET /lang/<locale>, and one small script (public/reader.js) for the
// reader app; the pages read the same with it blocked or stripped. Used by
// the reader layout and by the site's 404 page (app/not-found.tsx), which
// Next renders complete on the server.
import { getLocale, getTranslations } from "next-intl/server";
import { readerBrand } from "@/lib/publications/brand";
import { ReaderScript } from "@/components/reader/reader-script";

export async function ReaderFrame({ children }: { children: React.ReactNode }) {
  const [t, ts, tSite, tApp, tc, locale, brand] = await Promise.all([
    getTranslations("reader"),
    getTranslations("search"),
    getTranslations("site"),
    getTranslations("readerApp"),
    getTranslations("common"),
    getLocale(),
    readerBrand(),
  ]);
  const other = locale === "en" ? "zh-CN" : "en";
  return (
    <div className="flex min-h-screen flex-col bg-white">
      <header className="border-b border-stone-200">
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-4 px-4 py-3 text-sm">
          <a href="/" className="font-serif text-base font-bold text-bulletin-red" data-testid="reader-brand">
            {brand.name ?? tSite("name")}
          </a>
          <nav className="flex items-center gap-4 text-stone-600">
            <a href="/search" className="hover:text-stone-900">
              {ts("navLink")}
            </a>
            <a href="/app" className="hover:text-stone-900">
              {tApp("navLink")}
            </a>
            <a href="/login" className="hover:text-stone-900">
              {t("signIn")}
            </a>
            <a href={`/lang/${other}`} lang={other} rel="nofollow" className="rounded px-1 hover:text-stone-900">
              {tc("switchLocale")}
            </a>
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
      <footer className="border-t border-stone-200 py-4 text-center text-xs text-stone-500">{t("footer")}</footer>
      <ReaderScript app={{ newIssues: tApp("newIssues"), dismiss: tApp("dismiss") }} />
    </div>
  );
}
