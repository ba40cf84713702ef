// The reader pages' one script: plain JavaScript, no framework, loaded with
// `defer data-reader` by components/reader/reader-script.tsx. Every reader
// page is complete without it; it adds only what needs a browser:
// - with data-app on its tag (the reader layout): registers the service worker
//   (public/sw.js) and, once per visit, offers the issues published since the
//   reader last looked (texts from the tag's data attributes);
// - an issue page's 保存离线阅读 / 下载本年全部: the server renders the box
//   hidden, shown here where the browser can keep pages (the caches public/sw.js
//   reads and components/reader/offline-store.ts lists);
// - the print view's 打印 button, also rendered hidden;
// then marks the page ready (html[data-hydrated]; e2e/fixtures.ts waits for it).
"use strict";
(() => {
  const html = document.documentElement;
  if (html.dataset.reader) return; // already ran in this document
  const PAGES = "cms-reader-pages-v1";
  const ASSETS = "cms-reader-assets-v1";
  const SEEN_KEY = "cms-latest-seen";
  const CHECKED_KEY = "cms-checked-new-issues";
  const tag = document.currentScript;

  const el = (name, className, text) => {
    const e = document.createElement(name);
    e.className = className;
    if (text) e.textContent = text;
    return e;
  };
  /** "已保存 {done} / {total} 期。" with its values (the server renders the texts with their placeholders). */
  const fill = (text, values) => (text || "").replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));

  // —— New issues since the last visit ——
  const order = (i) => i.year * 100000 + i.number;

  /** Issues newer than the newest this browser saw of each publication (none the first time: that records them). */
  async function findNewIssues() {
    const res = await fetch("/api/v1/latest-issues");
    if (!res.ok) return [];
    const latest = await res.json();
    const seen = JSON.parse(localStorage.getItem(SEEN_KEY) || "null");
    localStorage.setItem(SEEN_KEY, JSON.stringify(Object.fromEntries(latest.map((i) => [i.publication, order(i)]))));
    if (!seen) return [];
    return latest.filter((i) => order(i) > (seen[i.publication] || 0)).map((i) => ({ title: i.title, href: `/p/${i.publication}/${i.year}/${i.number}` }));
  }

  function offerNewIssues(found, texts) {
    const aside = el("aside", "fixed inset-x-0 bottom-0 z-10 border-t border-stone-300 bg-white/95 px-4 py-3 text-sm shadow-lg");
    aside.setAttribute("aria-label", texts.newIssues);
    aside.setAttribute("data-testid", "new-issues");
    const row = el("div", "mx-auto flex max-w-3xl flex-wrap items-center gap-x-4 gap-y-1");
    row.append(el("span", "font-medium text-bulletin-red", texts.newIssues));
    for (const issue of found.slice(0, 3)) {
      const a = el("a", "underline underline-offset-4", issue.title);
      a.href = issue.href;
      row.append(a);
    }
    const dismiss = el("button", "ml-auto text-stone-500 hover:text-stone-900", texts.dismiss);
    dismiss.type = "button";
    dismiss.addEventListener("click", () => aside.remove());
    row.append(dismiss);
    aside.append(row);
    // At the end of <body>, outside what the server rendered (React, on the pages that have it, leaves it alone).
    document.body.append(aside);
  }

  if (tag && tag.hasAttribute("data-app")) {
    if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch((e) => console.warn("service worker not registered:", e));
    if (!sessionStorage.getItem(CHECKED_KEY) && navigator.onLine) {
      sessionStorage.setItem(CHECKED_KEY, "1");
      findNewIssues()
        .then((found) => found.length && offerNewIssues(found, tag.dataset))
        .catch(() => {});
    }
  }

  // —— Keeping issues for offline reading ——
  /** The stylesheets, this script and the pictures a kept page needs (public/sw.js keeps them the same way). */
  async function keepAssets(text) {
    const assets = await caches.open(ASSETS);
    const urls = new Set();
    for (const m of text.matchAll(/\s(?:href|src)="(\/(?:_next\/static\/[^"]+|media\/[0-9a-f]{64}|reader\.js\?v=[\w-]+))"/g)) urls.add(m[1].replace(/&amp;/g, "&"));
    await Promise.all(
      [...urls].map(async (u) => {
        if (await assets.match(u)) return;
        const res = await fetch(u);
        if (res.ok) await assets.put(u, res);
      }),
    );
  }

  async function keepPage(path) {
    const res = await fetch(path, { cache: "no-store", credentials: "same-origin" });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    await (await caches.open(PAGES)).put(path, res.clone());
    await keepAssets(await res.text());
  }

  /** An issue is kept with its print view. */
  async function keepIssue(path) {
    await keepPage(path);
    await keepPage(`${path}/print`);
  }

  async function isKept(path) {
    const pages = await caches.open(PAGES);
    const [issue, print] = await Promise.all([pages.match(path), pages.match(`${path}/print`)]);
    return !!issue && issue.status === 200 && !!print && print.status === 200;
  }

  async function removeKept(path) {
    const pages = await caches.open(PAGES);
    await Promise.all([pages.delete(path), pages.delete(`${path}/print`), pages.delete(`${path}/print?toc=0`)]);
  }

  const megabytes = (bytes) => (bytes / 1024 / 1024).toFixed(1);

  function wireSaveOffline(box) {
    const d = box.dataset;
    const part = (name) => box.querySelector(`[data-part="${name}"]`);
    const [status, remove, save, saveYear, progressBox, progressText, error] = ["kept", "remove", "save", "save-year", "progress", "progress-text", "error"].map(part);
    const bar = progressBox.querySelector("progress");
    const saveLabel = save.textContent;
    const showKept = (kept) => {
      status.hidden = remove.hidden = !kept;
      save.hidden = kept;
    };
    const showError = (text) => {
      error.textContent = text || "";
      error.hidden = !text;
    };

    save.addEventListener("click", async () => {
      save.disabled = true;
      save.textContent = d.textSaving;
      showError(null);
      try {
        await keepIssue(d.path);
        showKept(true);
      } catch {
        showError(d.textSaveFailed);
      } finally {
        save.disabled = false;
        save.textContent = saveLabel;
      }
    });

    remove.addEventListener("click", async () => {
      await removeKept(d.path);
      showKept(false);
    });

    saveYear.addEventListener("click", async () => {
      showError(null);
      const res = await fetch(`/api/v1/publications/${encodeURIComponent(d.slug)}/issues`).catch(() => null);
      if (!res || !res.ok) return showError(d.textSaveFailed);
      const issues = (await res.json()).filter((i) => i.year === Number(d.year));
      const progress = (done) => {
        bar.max = Math.max(issues.length, 1);
        bar.value = done;
        progressText.textContent = fill(d.textProgress, { done, total: issues.length });
        progressBox.hidden = false;
        saveYear.disabled = done < issues.length;
      };
      progress(0);
      let failed = 0;
      for (const [i, issue] of issues.entries()) {
        try {
          await keepIssue(`/p/${d.slug}/${issue.year}/${issue.number}`);
        } catch {
          failed++;
        }
        progress(i + 1);
      }
      if (failed) showError(fill(d.textSomeFailed, { count: failed }));
      showKept(await isKept(d.path));
      const estimate = navigator.storage && navigator.storage.estimate ? await navigator.storage.estimate() : null;
      if (estimate) progressText.textContent += ` ${fill(d.textEstimate, { usage: megabytes(estimate.usage || 0), quota: megabytes(estimate.quota || 0) })}`;
    });

    isKept(d.path).then((kept) => {
      showKept(kept);
      box.hidden = false;
    });
  }

  const box = document.querySelector("[data-save-offline]");
  if (box && "caches" in window && "serviceWorker" in navigator) wireSaveOffline(box);

  // —— The print view's 打印 ——
  for (const button of document.querySelectorAll("button[data-print]")) {
    button.addEventListener("click", () => window.print());
    button.hidden = false;
  }

  // Ready. A page that also needs React ([data-needs-react]: the 客户端 pages) is ready when both are.
  html.dataset.reader = "1";
  if (!document.querySelector("[data-needs-react]") || html.dataset.react) html.dataset.hydrated = "1";
})();
