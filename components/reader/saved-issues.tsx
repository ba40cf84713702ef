"use client";
// What this browser keeps for offline reading, with a way to remove each,
// and how much the browser lets the site store. On the 客户端 and offline pages.
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { listKept, megabytes, offlineSupported, removeKept, storageEstimate, type KeptIssue } from "./offline-store";

export function SavedIssues() {
  const t = useTranslations("readerApp");
  const [kept, setKept] = useState<KeptIssue[] | null>(null);
  const [estimate, setEstimate] = useState<{ usage: number; quota: number } | null>(null);

  async function read() {
    return offlineSupported() ? { kept: await listKept(), estimate: await storageEstimate() } : { kept: [], estimate: null };
  }
  async function load() {
    const r = await read();
    setKept(r.kept);
    setEstimate(r.estimate);
  }

  useEffect(() => {
    let live = true;
    void read().then((r) => {
      if (!live) return;
      setKept(r.kept);
      setEstimate(r.estimate);
    });
    return () => {
      live = false;
    };
  }, []);

  if (kept === null) return null;
  return (
    <section aria-labelledby="saved-heading" className="mt-8">
      <h2 id="saved-heading" className="mb-2 text-lg font-semibold">
        {t("savedHeading")}
      </h2>
      {kept.length === 0 ? (
        <p className="text-sm text-stone-600">{t("noneSaved")}</p>
      ) : (
        <ul className="divide-y divide-stone-200 border-y border-stone-200" data-testid="saved-issues">
          {kept.map((k) => (
            <li key={k.path} className="flex items-center justify-between gap-3 py-2">
              {/* A plain link: the issue page loads as a document, its reader.js wiring it (a client-side navigation would not). */}
              <a href={k.path} className="hover:underline">
                {k.title}
              </a>
              <button
                type="button"
                className="shrink-0 text-sm text-stone-600 underline underline-offset-4"
                onClick={async () => {
                  await removeKept(k.path);
                  await load();
                }}
              >
                {t("remove")}
              </button>
            </li>
          ))}
        </ul>
      )}
      {estimate ? <p className="mt-2 text-xs text-stone-500">{t("estimate", { usage: megabytes(estimate.usage), quota: megabytes(estimate.quota) })}</p> : null}
    </section>
  );
}
