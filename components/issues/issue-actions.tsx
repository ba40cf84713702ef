"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { IssueStatus } from "@/db/schema";
import { callApi } from "@/components/workspace/api-client";

/** The current minute in China time, as a datetime-local value (the times this form sends are +08:00). */
function chinaMinuteNow() {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 16);
}

export function IssueActions({ issueId, status, ready, articles }: { issueId: number; status: IssueStatus; ready: boolean; articles: { id: number; title: string }[] }) {
  const t = useTranslations("issues.actions");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [at, setAt] = useState("");
  const [reason, setReason] = useState("");
  const [correction, setCorrection] = useState({ text: "", articleId: "" });

  async function run(path: string, json: unknown = {}) {
    setPending(true);
    setError(null);
    const r = await callApi(`/api/v1/issues/${issueId}/${path}`, { json });
    setPending(false);
    if (!r.ok) return setError(r.error.message);
    router.refresh();
  }

  const button = "rounded px-3 py-1.5 text-sm disabled:opacity-50";
  return (
    <div className="mt-4 space-y-3">
      {(status === "draft" || status === "scheduled") && (
        <div className="flex flex-wrap items-end gap-3">
          <button type="button" disabled={pending || !ready} onClick={() => run("publish")} className={`${button} bg-green-700 text-white hover:bg-green-800`}>
            {t("publish")}
          </button>
          <label className="block text-sm">
            <span className="mb-1 block text-stone-600">{t("scheduleAt")}</span>
            <input type="datetime-local" value={at} min={chinaMinuteNow()} onChange={(e) => setAt(e.target.value)} className="rounded border border-stone-300 px-2 py-1" />
          </label>
          <button type="button" disabled={pending || !ready || !at} onClick={() => run("schedule", { at: `${at}:00+08:00` })} className={`${button} border border-stone-300`}>
            {t("schedule")}
          </button>
          {status === "scheduled" && (
            <button type="button" disabled={pending} onClick={() => run("unschedule")} className={`${button} border border-stone-300`}>
              {t("unschedule")}
            </button>
          )}
        </div>
      )}
      {status === "published" && (
        <>
          <form
            className="flex flex-wrap items-end gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              void run("withdraw", { reason });
            }}
          >
            <label className="block min-w-64 flex-1 text-sm">
              <span className="mb-1 block text-stone-600">{t("withdrawReason")}</span>
              <input value={reason} onChange={(e) => setReason(e.target.value)} required className="w-full rounded border border-stone-300 px-2 py-1" />
            </label>
            <button type="submit" disabled={pending} className={`${button} border border-red-300 text-red-800`}>
              {t("withdraw")}
            </button>
          </form>
          <form
            className="flex flex-wrap items-end gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              void run("corrections", { text: correction.text, ...(correction.articleId ? { articleId: Number(correction.articleId) } : {}) }).then(() =>
                setCorrection({ text: "", articleId: "" }),
              );
            }}
          >
            <label className="block min-w-64 flex-1 text-sm">
              <span className="mb-1 block text-stone-600">{t("correctionText")}</span>
              <input value={correction.text} onChange={(e) => setCorrection({ ...correction, text: e.target.value })} required className="w-full rounded border border-stone-300 px-2 py-1" />
            </label>
            <label className="block text-sm">
              <span className="mb-1 block text-stone-600">{t("correctionArticle")}</span>
              <select value={correction.articleId} onChange={(e) => setCorrection({ ...correction, articleId: e.target.value })} className="max-w-60 rounded border border-stone-300 px-2 py-1">
                <option value="">{t("wholeIssue")}</option>
                {articles.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.title}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" disabled={pending} className={`${button} border border-stone-300`}>
              {t("addCorrection")}
            </button>
          </form>
        </>
      )}
      {status === "withdrawn" && (
        <button type="button" disabled={pending} onClick={() => run("restore")} className={`${button} border border-stone-300`}>
          {t("restore")}
        </button>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
