"use client";
// On an issue page: 保存离线阅读 (this issue with its print view and pictures),
// and 下载本年全部 (every issue of its year, with a progress bar and how much
// the browser lets this site store).
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { isKept, keepIssue, megabytes, offlineSupported, removeKept, storageEstimate } from "./offline-store";

export function SaveOffline({ path, slug, year }: { path: string; slug: string; year: number }) {
  const t = useTranslations("readerApp");
  const [supported, setSupported] = useState(false);
  const [kept, setKept] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [estimate, setEstimate] = useState<{ usage: number; quota: number } | null>(null);

  useEffect(() => {
    if (!offlineSupported()) return;
    let live = true;
    void isKept(path).then((k) => {
      if (!live) return;
      setSupported(true);
      setKept(k);
    });
    return () => {
      live = false;
    };
  }, [path]);

  if (!supported) return null;

  async function save() {
    setBusy(true);
    setError(null);
    try {
      await keepIssue(path);
      setKept(true);
    } catch {
      setError(t("saveFailed"));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    await removeKept(path);
    setKept(false);
  }

  async function saveYear() {
    setError(null);
    const res = await fetch(`/api/v1/publications/${encodeURIComponent(slug)}/issues`).catch(() => null);
    if (!res?.ok) {
      setError(t("saveFailed"));
      return;
    }
    const issues = ((await res.json()) as { year: number; number: number }[]).filter((i) => i.year === year);
    setProgress({ done: 0, total: issues.length });
    let failed = 0;
    for (const [i, issue] of issues.entries()) {
      try {
        await keepIssue(`/p/${slug}/${issue.year}/${issue.number}`);
      } catch {
        failed++;
      }
      setProgress({ done: i + 1, total: issues.length });
    }
    if (failed) setError(t("someFailed", { count: failed }));
    setKept(await isKept(path));
    setEstimate(await storageEstimate());
  }

  return (
    <div className="min-w-0 flex-1" data-testid="save-offline">
      <div className="flex flex-wrap items-center gap-4">
        {kept ? (
          <>
            <span role="status">{t("kept")}</span>
            <button type="button" onClick={remove} className="text-stone-500 underline underline-offset-4 hover:text-stone-900">
              {t("remove")}
            </button>
          </>
        ) : (
          <button type="button" onClick={save} disabled={busy} className="underline-offset-4 hover:underline disabled:text-stone-400">
            {busy ? t("saving") : t("save")}
          </button>
        )}
        <button type="button" onClick={saveYear} disabled={progress !== null && progress.done < progress.total} className="underline-offset-4 hover:underline disabled:text-stone-400">
          {t("saveYear", { year })}
        </button>
      </div>
      {progress ? (
        <div className="mt-2">
          <progress max={progress.total} value={progress.done} className="w-full" aria-label={t("saveYear", { year })} />
          <p>
            {t("progress", { done: progress.done, total: progress.total })}
            {estimate ? ` ${t("estimate", { usage: megabytes(estimate.usage), quota: megabytes(estimate.quota) })}` : ""}
          </p>
        </div>
      ) : null}
      {error ? <p role="alert" className="mt-1 text-red-800">{error}</p> : null}
    </div>
  );
}
