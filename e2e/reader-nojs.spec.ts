// Reader pages as documents (issue 17): every reader page is complete with
// JavaScript disabled — its content, its links, the search form and the
// language switch. (In this build Next still sends its scripts; a browser
// with JavaScript off proves the server render alone is complete, since
// neither React nor public/reader.js ever runs.) With JavaScript on,
// public/reader.js shows and wires what needs a script.
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { parseSeed, seedContentLines } from "../lib/seed/parse-seed";
import { firstMissingInOrder, printedSeedLines } from "../testing/printed-lines";

const seedText = fs.readFileSync(path.join(__dirname, "../db/seed/shandong-2017-88.txt"), "utf8");
const seed = parseSeed(seedText);
const seedLines = seedContentLines(seedText);
const TITLE = "山东脱贫攻坚简报2017年第88期(总第225期)";
const ISSUE = "/p/sdtp/2017/88";
const headings = seed.sections.flatMap((s) => (s.heading ? [`【${s.heading}】`] : []));
const articleTitles = seed.sections.flatMap((s) => s.articles.map((a) => a.titleLines.join("")));
// What a browser sends; Next decides by the User-Agent whether metadata may be streamed into <body>.
const CHROME_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

async function noScriptPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return context.newPage();
}

/** Nothing of the page's own scripts ran: neither React nor public/reader.js marked it. */
async function expectNoScriptRan(page: Page) {
  await expect(page.locator("html[data-hydrated]")).toHaveCount(0);
  await expect(page.locator("html[data-reader]")).toHaveCount(0);
}

async function demoArticles(request: APIRequestContext): Promise<{ id: number; title: string }[]> {
  const issue = await (await request.get(`/api/v1/publications/sdtp/issues/2017/88`)).json();
  return issue.sections.flatMap((s: { articles: { id: number; title: string }[] }) => s.articles);
}

test.describe("with JavaScript disabled", () => {
  test("home, archive and the issue page are complete; the issue's scripted buttons stay out of sight", async ({ browser }) => {
    test.setTimeout(60_000);
    const page = await noScriptPage(browser);

    expect((await page.goto("/"))?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "刊物" })).toBeVisible();
    await expect(page.getByRole("link", { name: new RegExp(`^${TITLE.replace(/[()]/g, "\\$&")}`) }).first()).toBeVisible();

    expect((await page.goto("/p/sdtp"))?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("山东脱贫攻坚简报");
    await page.getByRole("link", { name: new RegExp(`第88期`) }).first().click();
    await expect(page).toHaveURL(new RegExp(`${ISSUE}$`));

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
    const contents = page.getByRole("navigation", { name: "本期目录" });
    for (const h of headings) await expect(contents.getByText(h)).toBeVisible();
    await expect(contents.getByRole("link")).toHaveText(articleTitles);
    for (const h of headings) await expect(page.getByRole("heading", { level: 2, name: h })).toBeVisible();
    const articleHeadings = (await page.locator("main section[id^=article-] h3").allInnerTexts()).map((t) => t.replace(/\s+/g, ""));
    expect(articleHeadings).toEqual(articleTitles);
    expect(firstMissingInOrder(await page.locator("main").innerText(), seedLines)).toBeNull();
    // The contents' links are anchors in the page: they work without a script.
    await contents.getByRole("link", { name: articleTitles[2]! }).click();
    await expect(page).toHaveURL(/#article-\d+$/);
    // 保存离线阅读 needs a script: without one it is not offered (no button that does nothing).
    await expect(page.getByTestId("save-offline")).toBeHidden();
    await expect(page.getByRole("button", { name: "保存离线阅读" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "打印版" })).toBeVisible();
    await expect(page).toHaveTitle(TITLE);
    await expect(page.locator('head > meta[name="description"]')).toHaveAttribute("content", articleTitles.join("；"));
    await expectNoScriptRan(page);
    await page.screenshot({ path: "test-results/screenshots/nojs-issue.png", fullPage: true });
    await page.goto(ISSUE);
    await page.screenshot({ path: "test-results/screenshots/nojs-issue-top.png" });
    await page.context().close();
  });

  test("an article's permalink is complete", async ({ browser, request }) => {
    const [first, second] = await demoArticles(request);
    const page = await noScriptPage(browser);
    expect((await page.goto(`${ISSUE}/a/${first!.id}`))?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(first!.title);
    await expect(page.getByText(`刊于 ${TITLE}`)).toBeVisible();
    await expect(page.getByText("(聊城市扶贫办)")).toBeVisible();
    const others = page.getByRole("navigation", { name: "本期其他文章" });
    await others.getByRole("link", { name: second!.title }).click();
    await expect(page).toHaveURL(new RegExp(`/a/${second!.id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(second!.title);
    await expect(page).toHaveTitle(new RegExp(`^${second!.title}`));
    await expectNoScriptRan(page);
    await page.context().close();
  });

  test("the print view is complete, without a 打印 button that could not work", async ({ browser }) => {
    const page = await noScriptPage(browser);
    expect((await page.goto(`${ISSUE}/print`))?.status()).toBe(200);
    const sheet = page.locator("main.print-sheet");
    await expect(sheet.getByRole("heading", { level: 1 })).toContainText("山东脱贫攻坚简报");
    const sheetText = (await sheet.innerText()).replace(/\s+/g, "");
    for (const t of [...headings, ...articleTitles]) expect(sheetText).toContain(t);
    expect(firstMissingInOrder(await sheet.innerText(), printedSeedLines(seedLines))).toBeNull();
    await expect(page.getByRole("link", { name: "← 返回本期" })).toHaveAttribute("href", ISSUE);
    await expect(page.getByRole("button", { name: "打印" })).toHaveCount(0);
    await page.getByRole("link", { name: "不印目录" }).click();
    await expect(page).toHaveURL(/\/print\?toc=0$/);
    await expectNoScriptRan(page);
    await page.screenshot({ path: "test-results/screenshots/nojs-print.png", fullPage: true });
    await page.goto(`${ISSUE}/print`);
    await page.screenshot({ path: "test-results/screenshots/nojs-print-top.png" });
    await page.context().close();
  });

  test("search is a form: typing and pressing Enter gives server-rendered results", async ({ browser }) => {
    const page = await noScriptPage(browser);
    expect((await page.goto("/search?q=脱贫"))?.status()).toBe(200);
    await expect(page.getByRole("status")).toHaveText(/^找到 \d+ 篇文章$/);
    const results = page.getByRole("region", { name: "搜索结果" });
    // Other specs publish copies of the demo issue under publications of their own: any copy will do here.
    await expect(results.getByRole("link", { name: articleTitles[0]! }).first()).toBeVisible();
    // The form submits itself (GET), no script; the filters are plain selects.
    await page.getByLabel("搜索已发布的文章").fill("司法厅");
    await page.getByRole("combobox", { name: "刊物" }).selectOption("sdtp");
    await page.getByLabel("搜索已发布的文章").press("Enter");
    await expect(page).toHaveURL(/\/search\?q=%E5%8F%B8%E6%B3%95%E5%8E%85&publication=sdtp/);
    const demo = results.locator(`a[href^="${ISSUE}#"]`).filter({ hasText: articleTitles[2]! });
    await expect(demo).toHaveCount(1);
    await demo.click();
    await expect(page).toHaveURL(new RegExp(`${ISSUE}#article-\\d+$`));
    await expect(page.locator(new URL(page.url()).hash).getByRole("heading")).toHaveText(articleTitles[2]!);
    await expectNoScriptRan(page);
    await page.context().close();
  });

  test("an address the site does not have gets the complete 404 page, in the reader frame", async ({ browser }) => {
    const page = await noScriptPage(browser);
    expect((await page.goto("/no-such-page"))?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "页面不存在" })).toBeVisible();
    await expect(page.getByRole("link", { name: "返回首页" })).toHaveAttribute("href", "/");
    await expect(page.getByTestId("reader-brand")).toBeVisible();
    await expect(page.getByRole("link", { name: "English" })).toHaveAttribute("href", "/lang/en");
    await expectNoScriptRan(page);
    await page.context().close();
  });

  // Next 16 answers a page's notFound() with an empty shell that React fills in the browser; the
  // reader front answers these with the site's complete 404 document instead (lib/reader-cache/runtime.ts).
  test("a missing issue, publication or article gets a complete 404 page", async ({ browser }) => {
    const page = await noScriptPage(browser);
    for (const url of ["/p/sdtp/2017/9999", "/p/no-such-publication", `${ISSUE}/a/999999`]) {
      expect((await page.goto(url))?.status(), url).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "页面不存在" }), url).toBeVisible({ timeout: 2_000 });
      await expect(page.getByTestId("reader-brand"), url).toBeVisible();
    }
    await expectNoScriptRan(page);
    await page.context().close();
  });

  test("the language link switches to English and back, staying on the page", async ({ browser }) => {
    const page = await noScriptPage(browser);
    await page.goto(ISSUE);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(new RegExp(`${ISSUE}$`));
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("navigation", { name: "Contents of this issue" })).toBeVisible();
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Publications" })).toBeVisible();
    await page.getByRole("link", { name: "中文" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1, name: "刊物" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expectNoScriptRan(page);
    await page.context().close();
  });
});

test.describe("the language link's route", () => {
  test("sets the same cookie as the desks' switch and sends the reader back, on this site only", async ({ request, baseURL }) => {
    const host = new URL(baseURL!).host;
    const back = await request.get("/lang/en", { headers: { referer: `${baseURL}/search?q=%E8%84%B1%E8%B4%AB` }, maxRedirects: 0 });
    expect(back.status()).toBe(303);
    expect(back.headers()["location"]).toBe("/search?q=%E8%84%B1%E8%B4%AB");
    const cookie = back.headers()["set-cookie"] ?? "";
    expect(cookie).toMatch(/^locale=en;/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=31536000/);
    expect(cookie).toMatch(/SameSite=lax/i);
    for (const referer of ["https://evil.example/p/sdtp", `http://${host}//evil.example/x`, ""]) {
      const res = await request.get("/lang/zh-CN", { headers: referer ? { referer } : {}, maxRedirects: 0 });
      expect(res.status(), referer).toBe(303);
      expect(res.headers()["location"], referer).toBe("/");
    }
    const refused = await request.get("/lang/fr", { maxRedirects: 0 });
    expect(refused.status()).toBe(404);
    expect(refused.headers()["set-cookie"]).toBeUndefined();
  });
});

test.describe("in the HTML as sent", () => {
  test("title and description are in <head> for a browser, and reader.js is referenced by its content hash", async ({ request }) => {
    for (const url of [ISSUE, "/", "/p/sdtp", `${ISSUE}/print`, "/search?q=脱贫"]) {
      const html = await (await request.get(url, { headers: { "user-agent": CHROME_UA } })).text();
      const head = html.slice(0, html.indexOf("</head>"));
      expect(head, url).toMatch(/<title>[^<]+<\/title>/);
      const scripts = [...html.matchAll(/<script[^>]*data-reader[^>]*>/g)].map((m) => m[0]);
      expect(scripts, url).toHaveLength(1);
      expect(scripts[0], url).toMatch(/src="\/reader\.js\?v=[\w-]{12}"/);
      expect(scripts[0], url).toMatch(/\sdefer/);
    }
    const issue = await (await request.get(ISSUE, { headers: { "user-agent": CHROME_UA } })).text();
    expect(issue.slice(0, issue.indexOf("</head>"))).toContain(`<meta name="description" content="${articleTitles.join("；")}"/>`);
    const src = /src="(\/reader\.js\?v=[\w-]+)"/.exec(issue)![1]!;
    const js = await request.get(src);
    expect(js.status()).toBe(200);
    expect(js.headers()["content-type"]).toMatch(/javascript/);
    const body = await js.body();
    expect(body.length).toBeLessThan(15 * 1024);
    const crypto = await import("node:crypto");
    expect(src.split("=")[1]).toBe(crypto.createHash("sha256").update(body).digest("base64url").slice(0, 12));
  });
});

test.describe("with JavaScript on", () => {
  test("reader.js shows and wires the print view's 打印 button and marks the page ready", async ({ page }) => {
    await page.addInitScript(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.goto(`${ISSUE}/print`);
    await expect(page.locator("html")).toHaveAttribute("data-reader", "1");
    await page.getByRole("button", { name: "打印" }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    // Printed, the toolbar (and so the button) is not on the paper.
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: "打印" })).toBeHidden();
    await expect(page.locator("main.print-sheet").getByRole("heading", { level: 1 })).toBeVisible();
  });

  test("the issue page offers 保存离线阅读 where the browser can keep pages", async ({ page }) => {
    await page.goto(ISSUE);
    const box = page.getByTestId("save-offline");
    await expect(box).toBeVisible();
    await expect(box.getByRole("button", { name: "保存离线阅读" })).toBeVisible();
    await expect(box.getByRole("button", { name: "下载2017年全部" })).toBeVisible();
    await expect(box.getByRole("status")).toHaveCount(0);
    await page.screenshot({ path: "test-results/screenshots/js-issue-top.png" });
  });
});
