// The reader app's offline store, from the 客户端 pages' side: the same caches
// the service worker (public/sw.js) keeps pages and files in. Issues are kept
// by the issue page's 保存离线阅读 (public/reader.js): each with its print view,
// stylesheets, scripts and pictures.
const PAGES = "cms-reader-pages-v1";
const ISSUE_PATH = /^\/p\/[^/]+\/\d{4}\/s?\d+$/;

export const offlineSupported = () => typeof window !== "undefined" && "caches" in window && "serviceWorker" in navigator;

export interface KeptIssue {
  path: string;
  title: string;
}

/** The issues kept for offline reading (not the withdrawal notices that replaced some), titled from their pages. */
export async function listKept(): Promise<KeptIssue[]> {
  const pages = await caches.open(PAGES);
  const out: KeptIssue[] = [];
  for (const request of await pages.keys()) {
    const path = new URL(request.url).pathname;
    if (!ISSUE_PATH.test(path)) continue;
    const res = await pages.match(request);
    if (!res || res.status !== 200) continue;
    const title = /<title>([^<]*)<\/title>/.exec(await res.text())?.[1] ?? path;
    out.push({ path, title: decodeEntities(title) });
  }
  return out.sort((a, b) => b.path.localeCompare(a.path, "en", { numeric: true }));
}

function decodeEntities(s: string) {
  const el = document.createElement("textarea");
  el.innerHTML = s;
  return el.value;
}

export async function removeKept(path: string) {
  const pages = await caches.open(PAGES);
  await Promise.all([pages.delete(path), pages.delete(`${path}/print`), pages.delete(`${path}/print?toc=0`)]);
}

/** Bytes used and available to this site, as the browser estimates them. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  if (!navigator.storage?.estimate) return null;
  const e = await navigator.storage.estimate();
  return { usage: e.usage ?? 0, quota: e.quota ?? 0 };
}

export const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
