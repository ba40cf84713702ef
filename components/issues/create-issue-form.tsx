"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { callApi } from "@/components/workspace/api-client";
import { formatDateTime } from "@/lib/format";
import type { IssueOffer } from "@/lib/issues/offer";

type Numbers = { number: number; totalNumber: number };
type Series = "regular" | "supplement";
/** What each series (正刊 / 增刊) of one publication is offered for the current year. */
export type SeriesSuggestions = Record<Series, IssueOffer>;

/** The year of an <input type="datetime-local"> value. */
const yearOfLocal = (local: string) => (/^(\d{4})-/.exec(local) ? Number(local.slice(0, 4)) : null);

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
  const first = suggestions[publication]!.regular;
  const [year, setYear] = useState<string>(String(first.year));
  const [numbers, setNumbers] = useState<Numbers>({ number: first.number, totalNumber: first.totalNumber });
  const [previous, setPrevious] = useState<IssueOffer["previous"]>(first.previous);
  const [publishedAt, setPublishedAt] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Numbers the editor typed are never overwritten by an answer that arrives later.
  const typedRef = useRef(false);
  const requestRef = useRef(0);
  const timerRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const supplement = series === "supplement";

  function apply(offer: IssueOffer) {
    if (!typedRef.current) setNumbers({ number: offer.number, totalNumber: offer.totalNumber });
    setPrevious(offer.previous);
  }

  /** Asks for the numbers of another year (or publication, or series): the same rule as creating. */
  function offerFor(nextPublication: string, nextSeries: Series, nextYear: string) {
    clearTimeout(timerRef.current);
    typedRef.current = false;
    const y = Number(nextYear);
    const known = suggestions[nextPublication]![nextSeries];
    if (y === known.year) return apply(known);
    if (!Number.isInteger(y) || y < 1949 || y > 9999) return;
    const ticket = ++requestRef.current;
    timerRef.current = setTimeout(async () => {
      const q = new URLSearchParams({ publication: nextPublication, series: nextSeries, year: String(y) });
      const r = await callApi<IssueOffer>(`/api/v1/issues/next-numbers?${q}`);
      if (r.ok && ticket === requestRef.current) apply(r.data);
    }, 250);
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const date = publishedAt ? { publishedAt: `${publishedAt}:00+08:00` } : {};
    // A supplement (增刊) is numbered on its own and has no cumulative total number.
    const json = supplement
      ? { publication, series, year: Number(year), number: numbers.number, ...date }
      : { publication, year: Number(year), number: numbers.number, totalNumber: numbers.totalNumber, ...date };
    const r = await callApi<{ id: number }>("/api/v1/issues", { json });
    setPending(false);
    if (r.ok) return router.push(`/workspace/issues/${r.data.id}`);
    const suggestion = r.error.suggestion as (Numbers & { year: number }) | undefined;
    setError(r.error.message);
    if (suggestion) setNumbers({ number: suggestion.number, totalNumber: suggestion.totalNumber });
  }

  function choose(nextPublication: string, nextSeries: Series) {
    setPublication(nextPublication);
    setSeries(nextSeries);
    offerFor(nextPublication, nextSeries, year);
  }

  const num = (key: keyof Numbers, label: string) => (
    <label className="block text-sm">
      <span className="mb-1 block text-stone-600">{label}</span>
      <input
        type="number"
        min={1}
        value={numbers[key]}
        onChange={(e) => {
          typedRef.current = true;
          setNumbers({ ...numbers, [key]: Number(e.target.value) });
        }}
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
      <label className="block text-sm">
        <span className="mb-1 block text-stone-600">{t("year")}</span>
        <input
          type="number"
          min={1949}
          max={9999}
          value={year}
          onChange={(e) => {
            setYear(e.target.value);
            offerFor(publication, series, e.target.value);
          }}
          className="w-24 rounded border border-stone-300 px-2 py-1"
        />
      </label>
      {num("number", t("number"))}
      {!supplement && num("totalNumber", t("totalNumber"))}
      <label className="block text-sm">
        <span className="mb-1 block text-stone-600">{t("publishedAt")}</span>
        <input
          type="datetime-local"
          value={publishedAt}
          onChange={(e) => {
            setPublishedAt(e.target.value);
            // A back issue's date decides its year; the numbers follow.
            const y = yearOfLocal(e.target.value);
            if (y && String(y) !== year) {
              setYear(String(y));
              offerFor(publication, series, String(y));
            }
          }}
          className="rounded border border-stone-300 px-2 py-1"
        />
      </label>
      <button type="submit" disabled={pending} className="rounded bg-stone-900 px-3 py-1.5 text-sm text-white disabled:opacity-50">
        {t("submit")}
      </button>
      <p className="w-full text-sm text-stone-600" data-testid="previous-issue">
        {previous
          ? t("previous", { title: previous.title, date: previous.publishedAt ? formatDateTime(previous.publishedAt) : t("notPublished") })
          : t("noPrevious", { year })}
      </p>
      {supplement && <p className="w-full text-sm text-stone-600">{t("supplementNote")}</p>}
      <p className="w-full text-xs text-stone-500">{t("publishedAtHint")}</p>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
