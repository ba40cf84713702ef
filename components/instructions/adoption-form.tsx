"use client";
// 记录上级采用: the office that adopted the article, its level, the date and
// where it ran (《政务信息》第12期).
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/workspace/api-client";
import { Field } from "@/components/ui/form";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { OFFICIAL_LEVELS } from "@/lib/instructions/levels";

export function AdoptionForm({ articleId, today }: { articleId: number; today: string }) {
  const t = useTranslations("instructions");
  const router = useRouter();
  const [by, setBy] = useState("");
  const [level, setLevel] = useState("");
  const [date, setDate] = useState(today);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setResult(null);
    const r = await callApi<{ id: number }>(`/api/v1/articles/${articleId}/adoptions`, { json: { by, level, date, ...(note.trim() ? { note } : {}) } });
    setBusy(false);
    if (!r.ok) {
      const f = r.error.fields ?? {};
      setErrors({ by: f.by?.[0], level: f.level?.[0], date: f.date?.[0], note: f.note?.[0] });
      setResult({ ok: false, text: r.error.message });
      return;
    }
    setBy("");
    setLevel("");
    setNote("");
    setResult({ ok: true, text: t("adoption.saved") });
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded border border-stone-200 bg-white p-4" aria-label={t("adoption.record")} data-testid="adoption-form" noValidate>
      <h3 className="text-sm font-semibold">{t("adoption.record")}</h3>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t("adoption.by")} error={errors.by} hint={t("adoption.byHint")}>
          <input value={by} onChange={(e) => setBy(e.target.value)} className={inputClass} name="by" maxLength={100} required />
        </Field>
        <Field label={t("adoption.level")} error={errors.level}>
          <select value={level} onChange={(e) => setLevel(e.target.value)} className={inputClass} name="level" required>
            <option value="">—</option>
            {OFFICIAL_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`levels.${l}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("adoption.date")} error={errors.date}>
          <input type="date" value={date} max={today} onChange={(e) => setDate(e.target.value)} className={inputClass} name="date" required />
        </Field>
      </div>
      <Field label={t("adoption.note")} error={errors.note} hint={t("adoption.noteHint")}>
        <input value={note} onChange={(e) => setNote(e.target.value)} className={inputClass} name="note" maxLength={500} />
      </Field>
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass} disabled={busy}>
          {t("adoption.submit")}
        </button>
        {result && (
          <p role={result.ok ? "status" : "alert"} className={`text-sm ${result.ok ? "text-green-800" : "text-red-700"}`}>
            {result.text}
          </p>
        )}
      </div>
    </form>
  );
}
