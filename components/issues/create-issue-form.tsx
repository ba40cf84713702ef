"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/workspace/api-client";

type Numbers = { year: number; number: number; totalNumber: number };
type Series = "regular" | "supplement";
/** The next free numbers of each series (正刊 / 增刊) of one publication. */
export type SeriesSuggestions = Record<Series, Numbers>;

export function CreateIssueForm({
  publications,
  suggestions,
}: {
  publications: { slug: string; name: string }[];
  suggestions: Record<string, SeriesSuggestions>;
}) {
  const t = useTranslations("issues.create");
  const router = useRouter();
  const [publication, setPublication] = useState(publications[0]!.slug);
  const [series, setSeries] = useState<Series>("regular");
  const [numbers, setNumbers] = useState<Numbers>(suggestions[publication]!.regular);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const supplement = series === "supplement";

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    // A supplement (增刊) is numbered on its own and has no cumulative total number.
    const json = supplement
      ? { publication, series, year: numbers.year, number: numbers.number }
      : { publication, year: numbers.year, number: numbers.number, totalNumber: numbers.totalNumber };
    const r = await callApi<{ id: number }>("/api/v1/issues", { json });
    setPending(false);
    if (r.ok) return router.push(`/workspace/issues/${r.data.id}`);
    const suggestion = r.error.suggestion as Numbers | undefined;
    setError(r.error.message);
    if (suggestion) setNumbers(suggestion);
  }

  function choose(nextPublication: string, nextSeries: Series) {
    setPublication(nextPublication);
    setSeries(nextSeries);
    setNumbers(suggestions[nextPublication]![nextSeries]);
  }

  const num = (key: keyof Numbers, label: string) => (
    <label className="block text-sm">
      <span className="mb-1 block text-stone-600">{label}</span>
      <input
        type="number"
        min={1}
        value={numbers[key]}
        onChange={(e) => setNumbers({ ...numbers, [key]: Number(e.target.value) })}
        className="w-24 rounded border border-stone-300 px-2 py-1"
      />
    </label>
  );

  return (
    <form onSubmit={submit} aria-label={t("label")} className="flex flex-wrap items-end gap-3 rounded border border-stone-200 bg-white p-4">
      <label className="block text-sm">
        <span className="mb-1 block text-stone-600">{t("publication")}</span>
        <select value={publication} onChange={(e) => choose(e.target.value, series)} className="rounded border border-stone-300 px-2 py-1">
          {publications.map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm">
        <span className="mb-1 block text-stone-600">{t("series")}</span>
        <select value={series} onChange={(e) => choose(publication, e.target.value as Series)} className="rounded border border-stone-300 px-2 py-1">
          <option value="regular">{t("seriesRegular")}</option>
          <option value="supplement">{t("seriesSupplement")}</option>
        </select>
      </label>
      {num("year", t("year"))}
      {num("number", t("number"))}
      {!supplement && num("totalNumber", t("totalNumber"))}
      <button type="submit" disabled={pending} className="rounded bg-stone-900 px-3 py-1.5 text-sm text-white disabled:opacity-50">
        {t("submit")}
      </button>
      {supplement && <p className="w-full text-sm text-stone-600">{t("supplementNote")}</p>}
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
