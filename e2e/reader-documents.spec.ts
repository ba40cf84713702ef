// Reader pages are documents (issue 17): in a real Chromium with JavaScript
// on, no reader page loads a script of the framework — only the site's own
// /reader.js — and the pages' weight stays within its budget.
import { test, expect } from "./fixtures";

const PAGES = [
  "/",
  "/p/sdtp",
  "/p/sdtp/2017/88",
  "/p/sdtp/2017/88/print",
  "/search?q=" + encodeURIComponent("脱贫"),
  "/p/sdtp/2099/1", // the reader 404
];

test("no reader page loads a framework script; the only script is /reader.js, under 15 KB", async ({ page }) => {
  const scripts: { url: string; bytes: number }[] = [];
  page.on("response", async (res) => {
    if (res.request().resourceType() !== "script") return;
    scripts.push({ url: new URL(res.url()).pathname, bytes: (await res.body().catch(() => Buffer.alloc(0))).length });
  });
  const article = await (await page.request.get("/api/v1/publications/sdtp/issues/2017/88")).json();
  const articleId = article.sections.flatMap((s: { articles: { id: number }[] }) => s.articles)[0].id as number;
  for (const path of [...PAGES, `/p/sdtp/2017/88/a/${articleId}`]) {
    scripts.length = 0;
    const res = await page.goto(path);
    expect(res!.status(), path).toBe(path.includes("2099") ? 404 : 200);
    // The site's script ran (it marks the page), so every script the page asked for has been fetched.
    await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
    const html = await res!.text();
    // Stylesheets live under /_next/static/chunks/ too; scripts are what must be gone.
    expect(html, path).not.toMatch(/\/_next\/static\/[^"' ]+\.js\b/);
    expect(html, path).not.toContain("self.__next_f");
    expect(scripts.map((s) => s.url), path).toEqual(["/reader.js"]);
    expect(scripts[0]!.bytes, path).toBeLessThan(15 * 1024);
  }
});
