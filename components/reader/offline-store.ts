// The reader app's offline store, from the page's side: the same caches the
// service worker (public/sw.js) keeps pages and files in. An issue is kept
// with its print view, stylesheets, scripts and pictures.
export const PAGES = "cms-reader-pages-v1";
export const ASSETS = "cms-reader-assets-v1";
const ISSUE_PATH = /^\/p\/[^/]+\/\d{4}\/s?\d+$/;

export const offlineSupported = () => typeof window !== "undefined" && "caches" in window && "serviceWorker" in navigator;

async function keepAssets(html: string) {
  const assets = await caches.open(ASSETS);
  const urls = new Set<string>();
  for (const m of html.matchAll(/\s(?:href|src)="(\/(?:_next\/static\/[^"]+|media\/[0-9a-f]{64}))"/g)) urls.add(m[1]!.replace(/&amp;/g, "&"));
  await Promise.all(
    [...urls].map(async (u) => {
      if (await assets.match(u)) return;
      const res = await fetch(u);
      if (res.ok) await assets.put(u, res);
    }),
  );
}

async function keepPage(path: string) {
  const res = await fetch(path, { cache: "no-store", credentials: "same-origin" });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  await (await caches.open(PAGES)).put(path, res.clone());
  await keepAssets(await res.text());
}

/** Keeps an issue (`/p/sdtp/2017/88`) and its print view for offline reading. */
export async function keepIssue(path: string) {
  await keepPage(path);
  await keepPage(`${path}/print`);
}

/** Saved with 保存离线阅读: the issue and its print view (every issue read is kept too, without its print view). */
export async function isKept(path: string): Promise<boolean> {
  const pages = await caches.open(PAGES);
  const [issue, print] = await Promise.all([pages.match(path), pages.match(`${path}/print`)]);
  return issue?.status === 200 && print?.status === 200;
}

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
