// The reader app's service worker (客户端): a standalone script, not part of
// the React bundle. What it does:
// - reader pages (home, archives, issues, print views) come from the network
//   first; each one read is kept, and served from the store only when the
//   network fails; anything not kept gets the offline page, never the
//   browser's error page;
// - the site's static files, icons and images are kept on first use
//   (their URLs never change content);
// - other pages of the site (search, sign-in) come from the network, with
//   the offline page when it fails;
// - the store stays truthful: at the next connection — the first page
//   fetched after one failed, after the worker started, or a minute after the
//   last check — every kept issue is fetched again: a correction replaces
//   the kept copy, a withdrawal (410) replaces it with the withdrawal notice
//   and drops its print view, an issue gone (404) is dropped. An issue seen
//   withdrawn is never served from the store again.
// The issue page's 保存离线阅读 and the 客户端 page write the same caches
// (components/reader/offline-store.ts names them).
"use strict";

const PAGES = "cms-reader-pages-v1";
const ASSETS = "cms-reader-assets-v1";
const OFFLINE = "/offline";
const REFRESH_EVERY_MS = 60_000;

const ISSUE_PATH = /^\/p\/[^/]+\/\d{4}\/s?\d+(?:\/print)?$/;
const ASSET_PATH = /^\/(?:_next\/static\/|media\/[0-9a-f]{64}$|icons\/)/;
/** public/reader.js by its content-hashed URL (components/reader/reader-script.tsx): never changes either. */
const isReaderScript = (url) => url.pathname === "/reader.js" && url.searchParams.has("v");

let lastRefresh = 0;
let failedSinceRefresh = false;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const pages = await caches.open(PAGES);
      const res = await fetch(OFFLINE, { cache: "no-store" });
      if (res.ok) {
        await pages.put(OFFLINE, res.clone());
        await keepAssetsOf(await res.text());
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith("cms-reader-") && name !== PAGES && name !== ASSETS) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** Reader pages: the home page, publication archives, issues and their print views (not feeds, Word files or search). */
function isReaderPage(url) {
  return url.pathname === "/" || (url.pathname.startsWith("/p/") && !/\.(?:xml|docx)$/.test(url.pathname));
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (ASSET_PATH.test(url.pathname) || isReaderScript(url)) {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (request.mode !== "navigate" || url.pathname.startsWith("/api/")) return;
  event.respondWith(isReaderPage(url) ? networkFirst(event, url) : networkOrOffline(event.request));
});

async function cacheFirst(request) {
  const cache = await caches.open(ASSETS);
  const hit = await cache.match(request);
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok && res.type === "basic") await cache.put(request, res.clone());
  return res;
}

async function offlinePage() {
  return (await caches.match(OFFLINE)) ?? new Response("离线", { status: 503, headers: { "content-type": "text/plain; charset=utf-8" } });
}

async function networkOrOffline(request) {
  try {
    return await fetch(request);
  } catch {
    failedSinceRefresh = true;
    return offlinePage();
  }
}

async function networkFirst(event, url) {
  const key = url.pathname + url.search;
  let res;
  try {
    res = await fetch(event.request);
  } catch {
    failedSinceRefresh = true;
    return (await (await caches.open(PAGES)).match(key)) ?? offlinePage();
  }
  event.waitUntil(
    (async () => {
      await keepResponse(key, res.clone());
      if (failedSinceRefresh || Date.now() - lastRefresh > REFRESH_EVERY_MS) {
        failedSinceRefresh = false;
        lastRefresh = Date.now();
        await refreshKept(key);
      }
    })(),
  );
  return res;
}

/** Keeps (or, for a withdrawn or vanished issue, replaces or drops) what the network said about a page. */
async function keepResponse(key, res) {
  const pages = await caches.open(PAGES);
  const path = key.split("?")[0];
  if (res.status === 200 && !res.redirected && (res.headers.get("content-type") || "").includes("text/html")) {
    await pages.put(key, res.clone());
    await keepAssetsOf(await res.text());
  } else if (res.status === 410 && ISSUE_PATH.test(path)) {
    // The withdrawal notice takes the issue's place; its print view goes.
    const issue = path.replace(/\/print$/, "");
    await pages.put(issue, res.clone());
    await pages.delete(`${issue}/print`);
    await pages.delete(`${issue}/print?toc=0`);
  } else if (res.status === 404 && ISSUE_PATH.test(path)) {
    await pages.delete(key);
  }
}

/**
 * Asks again for every kept issue, so corrections and withdrawals reach the
 * store at the next connection. Each asks with the kept copy's ETag: an issue
 * that has not changed costs a 304 and no bytes, and keeps its copy.
 */
async function refreshKept(skip) {
  const pages = await caches.open(PAGES);
  for (const request of await pages.keys()) {
    const url = new URL(request.url);
    const key = url.pathname + url.search;
    if (key === skip || !ISSUE_PATH.test(url.pathname)) continue;
    const etag = (await pages.match(request))?.headers.get("etag");
    try {
      await keepResponse(key, await fetch(key, { cache: "no-store", credentials: "same-origin", headers: etag ? { "if-none-match": etag } : {} }));
    } catch {
      failedSinceRefresh = true;
      return; // offline again: try at the next connection
    }
  }
}

/** The stylesheets, scripts (Next's, and public/reader.js) and images a kept page needs, so it reads complete offline. */
async function keepAssetsOf(html) {
  const assets = await caches.open(ASSETS);
  const urls = new Set();
  for (const m of html.matchAll(/\s(?:href|src)="(\/(?:_next\/static\/[^"]+|media\/[0-9a-f]{64}|reader\.js\?v=[\w-]+))"/g)) urls.add(m[1].replace(/&amp;/g, "&"));
  await Promise.all(
    [...urls].map(async (u) => {
      if (await assets.match(u)) return;
      try {
        const res = await fetch(u);
        if (res.ok) await assets.put(u, res);
      } catch {
        // offline: the page still reads, unstyled or without that picture
      }
    }),
  );
}
