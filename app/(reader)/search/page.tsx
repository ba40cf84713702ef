import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { anonymous } from "@/lib/auth/permissions";
import { localizeError } from "@/i18n/errors";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { parseSearchParams } from "@/lib/search/params";
import { searchArticles, searchFilters, type SearchInput, type SearchResult } from "@/lib/search/search";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("search");
  return { title: t("title"), robots: { index: false } };
}

function pageHref(input: SearchInput, page: number) {
  const p = new URLSearchParams({ q: input.q });
  if (input.publication) p.set("publication", input.publication);
  if (input.year) p.set("year", String(input.year));
  if (input.unit) p.set("unit", input.unit);
  if (page > 1) p.set("page", String(page));
  return `/search?${p}`;
}

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations("search");
  let input: SearchInput = { q: "" };
  let result: SearchResult | null = null;
  let error: string | null = null;
  try {
    input = parseSearchParams(await searchParams);
    if (input.q.trim()) result = await searchArticles(anonymous, input);
  } catch (e) {
    if (!(e instanceof AppError) || e.status >= 500) throw e;
    error = (await localizeError(e)).message;
  }
  const filters = await searchFilters(anonymous);
  // Past TOTAL_CAP matches the total is a lower bound: "1,000+", and "next" while pages are full.
  const pages = result ? Math.max(1, Math.ceil(result.total / result.pageSize), result.totalIsLowerBound ? result.page : 1) : 0;
  const hasNext = result ? result.page < pages || (result.totalIsLowerBound && result.results.length === result.pageSize) : false;
  const select = "mt-1 w-full rounded border border-stone-300 bg-white px-2 py-1.5 text-sm";

  return (
    <div>
      <h1 className="font-serif text-2xl font-bold">{t("title")}</h1>
      <form role="search" action="/search" className="mt-5 space-y-3">
        <div>
          <label htmlFor="search-q" className="block text-sm font-medium text-stone-700">
            {t("label")}
          </label>
          <div className="mt-1 flex gap-2">
            <input
              id="search-q"
              name="q"
              type="search"
              defaultValue={input.q.slice(0, 200)}
              placeholder={t("placeholder")}
              maxLength={200}
              className="min-w-0 flex-1 rounded border border-stone-400 px-3 py-2 text-base focus:border-bulletin-red focus:outline-2 focus:outline-bulletin-red"
            />
            <button type="submit" className="rounded bg-bulletin-red px-4 py-2 font-medium text-white hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2">
              {t("submit")}
            </button>
          </div>
        </div>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <label className="block text-sm text-stone-700">
            {t("publication")}
            <select name="publication" defaultValue={input.publication ?? ""} className={select}>
              <option value="">{t("any")}</option>
              {filters.publications.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm text-stone-700">
            {t("year")}
            <select name="year" defaultValue={input.year ? String(input.year) : ""} className={select}>
              <option value="">{t("any")}</option>
              {filters.years.map((y) => (
                <option key={y} value={y}>
                  {t("yearOption", { year: y })}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm text-stone-700">
            {t("unit")}
            <select name="unit" defaultValue={input.unit ?? ""} className={select}>
              <option value="">{t("any")}</option>
              {filters.units.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </select>
          </label>
        </div>
      </form>

      {error && (
        <p role="alert" className="mt-6 rounded border border-amber-400 bg-amber-50 px-4 py-3 text-sm">
          {error}
        </p>
      )}
      {!error && !result && <p className="mt-6 text-stone-600">{t("intro")}</p>}

      {result && (
        <section aria-label={t("results")} className="mt-8">
          <p role="status" className="text-sm text-stone-600">
            {result.total ? t(result.totalIsLowerBound ? "countAtLeast" : "count", { total: result.total }) : t("none", { q: input.q })}
          </p>
          <ol className="mt-4 space-y-6">
            {result.results.map((r) => (
              <li key={r.articleId}>
                <h2 className="font-serif text-lg leading-snug font-bold">
                  <a href={r.url} className="text-stone-900 underline-offset-4 hover:text-bulletin-red hover:underline">
                    {r.title}
                  </a>
                </h2>
                <p className="mt-1 text-sm text-stone-600">
                  {r.publicationName} · {t(r.series === "supplement" ? "supplementIssue" : "issue", { year: r.year, number: r.number })} · {r.unit} · <span className="whitespace-nowrap">{formatDate(r.publishedAt)}</span>
                </p>
                <p className="mt-2 leading-relaxed text-stone-800 [&_mark]:rounded-sm [&_mark]:bg-yellow-200 [&_mark]:text-stone-900" dangerouslySetInnerHTML={{ __html: r.snippet }} />
              </li>
            ))}
          </ol>
          {(pages > 1 || hasNext) && (
            <nav aria-label={t("pagination")} className="mt-8 flex items-center justify-between border-t border-stone-200 pt-4 text-sm">
              <span>
                {result.page > 1 && (
                  <a href={pageHref(input, result.page - 1)} rel="prev" className="hover:underline">
                    ← {t("previous")}
                  </a>
                )}
              </span>
              <span className="text-stone-600">{t(result.totalIsLowerBound ? "pageOfAtLeast" : "pageOf", { page: result.page, pages })}</span>
              <span>
                {hasNext && (
                  <a href={pageHref(input, result.page + 1)} rel="next" className="hover:underline">
                    {t("next")} →
                  </a>
                )}
              </span>
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
