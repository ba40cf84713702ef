"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass, inputClass } from "@/components/ui/styles";

export interface StatsFilterValue {
  kind: "month" | "quarter" | "year" | "custom";
  month: string;
  quarter: string;
  year: string;
  from: string;
  to: string;
  publication: string;
}

/** The period and publication, as a GET form: the URL is the report, so it can be shared and reloaded. */
export function StatsFilter({ value, publications }: { value: StatsFilterValue; publications: { slug: string; name: string }[] }) {
  const t = useTranslations("stats");
  const [kind, setKind] = useState(value.kind);
  const quarterYear = value.quarter.slice(0, 4);
  const [qYear, setQYear] = useState(quarterYear);
  const [q, setQ] = useState(value.quarter.slice(-1));
  return (
    <form method="get" className="mb-5 flex flex-wrap items-end gap-3 rounded border border-stone-200 bg-stone-50 p-3" aria-label={t("filter")}>
      <label className="text-xs text-stone-600">
        <span className="mb-1 block">{t("periodKind")}</span>
        <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as StatsFilterValue["kind"])} className={`${inputClass} w-auto`}>
          {(["month", "quarter", "year", "custom"] as const).map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {kind === "month" && (
        <label className="text-xs text-stone-600">
          <span className="mb-1 block">{t("month")}</span>
          <input type="month" name="month" defaultValue={value.month} required className={`${inputClass} w-40`} />
        </label>
      )}
      {kind === "quarter" && (
        <>
          <label className="text-xs text-stone-600">
            <span className="mb-1 block">{t("year")}</span>
            <input type="number" min={1949} max={9998} value={qYear} onChange={(e) => setQYear(e.target.value)} className={`${inputClass} w-24`} />
          </label>
          <label className="text-xs text-stone-600">
            <span className="mb-1 block">{t("quarter")}</span>
            <select value={q} onChange={(e) => setQ(e.target.value)} className={`${inputClass} w-auto`}>
              {["1", "2", "3", "4"].map((n) => (
                <option key={n} value={n}>
                  {t("quarterN", { n })}
                </option>
              ))}
            </select>
          </label>
          <input type="hidden" name="quarter" value={`${qYear}-Q${q}`} />
        </>
      )}
      {kind === "year" && (
        <label className="text-xs text-stone-600">
          <span className="mb-1 block">{t("year")}</span>
          <input type="number" name="year" min={1949} max={9998} defaultValue={value.year} required className={`${inputClass} w-24`} />
        </label>
      )}
      {kind === "custom" && (
        <>
          <label className="text-xs text-stone-600">
            <span className="mb-1 block">{t("from")}</span>
            <input type="date" name="from" defaultValue={value.from} required className={`${inputClass} w-40`} />
          </label>
          <label className="text-xs text-stone-600">
            <span className="mb-1 block">{t("to")}</span>
            <input type="date" name="to" defaultValue={value.to} required className={`${inputClass} w-40`} />
          </label>
        </>
      )}
      <label className="text-xs text-stone-600">
        <span className="mb-1 block">{t("publication")}</span>
        <select name="publication" defaultValue={value.publication} className={`${inputClass} w-auto`}>
          <option value="">{t("allPublications")}</option>
          {publications.map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={buttonClass}>
        {t("show")}
      </button>
    </form>
  );
}
