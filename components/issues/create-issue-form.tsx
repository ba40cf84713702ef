"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/workspace/api-client";

type Numbers = { year: number; number: number; totalNumber: number };

export function CreateIssueForm({ publications, suggestions }: { publications: { slug: string; name: string }[]; suggestions: Record<string, Numbers> }) {
  const t = useTranslations("issues.create");
  const router = useRouter();
  const [publication, setPublication] = useState(publications[0]!.slug);
  const s = suggestions[publication]!;
  const [numbers, setNumbers] = useState<Numbers>(s);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const r = await callApi<{ id: number }>("/api/v1/issues", { json: { publication, ...numbers } });
    setPending(false);
    if (r.ok) return router.push(`/workspace/issues/${r.data.id}`);
    const suggestion = r.error.suggestion as Numbers | undefined;
    setError(r.error.message);
    if (suggestion) setNumbers(suggestion);
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
        <select
          value={publication}
          onChange={(e) => {
            setPublication(e.target.value);
            setNumbers(suggestions[e.target.value]!);
          }}
          className="rounded border border-stone-300 px-2 py-1"
        >
          {publications.map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {num("year", t("year"))}
      {num("number", t("number"))}
      {num("totalNumber", t("totalNumber"))}
      <button type="submit" disabled={pending} className="rounded bg-stone-900 px-3 py-1.5 text-sm text-white disabled:opacity-50">
        {t("submit")}
      </button>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
