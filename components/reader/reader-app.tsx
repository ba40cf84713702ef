"use client";
// The reader app on every reader page: registers the service worker
// (public/sw.js), and once per visit (a new tab or the installed app opened)
// looks for issues published since the reader last looked, offering them.
import Link from "next/link";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

interface NewIssue {
  title: string;
  href: string;
}

const SEEN_KEY = "cms-latest-seen";
const CHECKED_KEY = "cms-checked-new-issues";

type Latest = { publication: string; year: number; number: number; title: string };
const order = (i: Latest) => i.year * 100_000 + i.number;

/** Issues newer than the newest this browser saw of each publication (none the first time: that records them). */
async function findNewIssues(): Promise<NewIssue[]> {
  const res = await fetch("/api/v1/latest-issues");
  if (!res.ok) return [];
  const latest = (await res.json()) as Latest[];
  const seen = JSON.parse(localStorage.getItem(SEEN_KEY) ?? "null") as Record<string, number> | null;
  localStorage.setItem(SEEN_KEY, JSON.stringify(Object.fromEntries(latest.map((i) => [i.publication, order(i)]))));
  if (!seen) return [];
  return latest.filter((i) => order(i) > (seen[i.publication] ?? 0)).map((i) => ({ title: i.title, href: `/p/${i.publication}/${i.year}/${i.number}` }));
}

export function ReaderApp() {
  const t = useTranslations("readerApp");
  const [fresh, setFresh] = useState<NewIssue[]>([]);

  useEffect(() => {
    if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch((e) => console.warn("service worker not registered:", e));
    if (sessionStorage.getItem(CHECKED_KEY) || !navigator.onLine) return;
    sessionStorage.setItem(CHECKED_KEY, "1");
    let live = true;
    findNewIssues()
      .then((found) => {
        if (live) setFresh(found);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);

  if (!fresh.length) return null;
  return (
    <aside aria-label={t("newIssues")} className="fixed inset-x-0 bottom-0 z-10 border-t border-stone-300 bg-white/95 px-4 py-3 text-sm shadow-lg" data-testid="new-issues">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-4 gap-y-1">
        <span className="font-medium text-bulletin-red">{t("newIssues")}</span>
        {fresh.slice(0, 3).map((i) => (
          <Link key={i.href} href={i.href} className="underline underline-offset-4" onClick={() => setFresh([])}>
            {i.title}
          </Link>
        ))}
        <button type="button" className="ml-auto text-stone-500 hover:text-stone-900" onClick={() => setFresh([])}>
          {t("dismiss")}
        </button>
      </div>
    </aside>
  );
}
