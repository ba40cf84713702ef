"use client";
// 记录批示: leader, level, date, text and optionally the scan of the handwritten
// 批示. The scan is uploaded first (checked by its content on the server) and
// named by the instruction, which links it in its own transaction: a refused
// instruction attaches nothing.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { callApi } from "@/components/workspace/api-client";
import { Field } from "@/components/ui/form";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { OFFICIAL_LEVELS } from "@/lib/instructions/levels";
import { uploadInstructionFile } from "./upload";

type Errors = Record<string, string | undefined>;

export function InstructionForm({
  articleId,
  articles,
  today,
  maxMb,
  initialArticleId,
}: {
  /** The article of the page the form is on; otherwise the form offers `articles` to choose from. */
  articleId?: number;
  articles?: { id: number; title: string; issue: string; unit: string }[];
  today: string;
  maxMb: number;
  initialArticleId?: number;
}) {
  const t = useTranslations("instructions");
  const router = useRouter();
  const [chosen, setChosen] = useState(articleId ? String(articleId) : initialArticleId ? String(initialArticleId) : "");
  const [leader, setLeader] = useState("");
  const [level, setLevel] = useState("");
  const [date, setDate] = useState(today);
  const [text, setText] = useState("");
  const fileRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setResult(null);
    setErrors({});
    const target = articleId ?? Number(chosen);
    if (!target) {
      setBusy(false);
      setErrors({ article: t("record.chooseArticle") });
      return;
    }
    let scanId: number | undefined;
    const file = fileRef.current?.files?.[0];
    if (file) {
      const up = await uploadInstructionFile(file);
      if (!up.ok) {
        setBusy(false);
        setErrors({ scan: up.error.fields?.file?.[0] ?? up.error.message });
        setResult({ ok: false, text: up.error.message });
        return;
      }
      scanId = up.data.id;
    }
    const r = await callApi<{ id: number }>(`/api/v1/articles/${target}/instructions`, { json: { leader, level, date, text, ...(scanId ? { scanId } : {}) } });
    setBusy(false);
    if (!r.ok) {
      const f = r.error.fields ?? {};
      setErrors({ leader: f.leader?.[0], level: f.level?.[0], date: f.date?.[0], text: f.text?.[0], scan: f.scanId?.[0] });
      setResult({ ok: false, text: r.error.message });
      return;
    }
    setLeader("");
    setLevel("");
    setText("");
    if (fileRef.current) fileRef.current.value = "";
    setResult({ ok: true, text: t("record.saved") });
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded border border-stone-200 bg-white p-4" aria-label={t("record.title")} data-testid="instruction-form" noValidate>
      <h2 className="text-base font-semibold">{t("record.title")}</h2>
      {!articleId && (
        <Field label={t("record.article")} error={errors.article} hint={articles?.length ? undefined : t("record.noArticles")}>
          <select value={chosen} onChange={(e) => setChosen(e.target.value)} className={inputClass} name="article">
            <option value="">{t("record.chooseArticle")}</option>
            {articles?.map((a) => (
              <option key={a.id} value={a.id}>
                {a.issue} · {a.title}（{a.unit}）
              </option>
            ))}
          </select>
        </Field>
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t("record.leader")} error={errors.leader} hint={t("record.leaderHint")}>
          <input value={leader} onChange={(e) => setLeader(e.target.value)} className={inputClass} name="leader" maxLength={100} required />
        </Field>
        <Field label={t("record.level")} error={errors.level}>
          <select value={level} onChange={(e) => setLevel(e.target.value)} className={inputClass} name="level" required>
            <option value="">—</option>
            {OFFICIAL_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`levels.${l}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("record.date")} error={errors.date}>
          <input type="date" value={date} max={today} onChange={(e) => setDate(e.target.value)} className={inputClass} name="date" required />
        </Field>
      </div>
      <Field label={t("record.text")} error={errors.text}>
        <textarea value={text} onChange={(e) => setText(e.target.value)} className={`${inputClass} min-h-24`} name="text" maxLength={5000} required />
      </Field>
      <Field label={t("record.scan")} error={errors.scan} hint={t("record.scanHint", { mb: maxMb })}>
        <input ref={fileRef} type="file" accept="image/png,image/jpeg,image/webp,image/gif,application/pdf" name="scan" className="block text-sm" />
      </Field>
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass} disabled={busy}>
          {busy ? t("record.saving") : t("record.submit")}
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
