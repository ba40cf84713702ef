// 客户端: the installable reader app — manifest and icons, the install page,
// a service worker that keeps what was read for offline reading and keeps it
// truthful (a correction replaces the kept copy, a withdrawal removes it).
import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { test, expect, waitForHydration } from "./fixtures";
import { seedContentLines } from "../lib/seed/parse-seed";
import { firstMissingInOrder } from "../testing/printed-lines";
import { post, publishedIssue, world } from "./signoff-world";

const seedLines = seedContentLines(fs.readFileSync(path.join(__dirname, "../db/seed/shandong-2017-88.txt"), "utf8"));
const PAGES = "cms-reader-pages-v1";

// The other specs block service workers (playwright.config.ts); this one is about it.
test.use({ serviceWorkers: "allow" });

/** A fresh browser profile whose page the service worker controls. */
async function controlled(context: BrowserContext, url: string): Promise<Page> {
  const page = waitForHydration(await context.newPage());
  await page.goto(url);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // The worker claims the page when it activates; the next load goes through it.
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  return page;
}

/** What the store keeps for a path: its status, text and ETag, or null. */
const kept = (page: Page, key: string) =>
  page.evaluate(
    async ([name, k]) => {
      const res = await (await caches.open(name)).match(k);
      return res ? { status: res.status, text: await res.text(), etag: res.headers.get("etag") } : null;
    },
    [PAGES, key] as const,
  );

test("installable: the manifest, its icons, and the 客户端 page with a QR code", async ({ page, request }) => {
  const res = await request.get("/manifest.webmanifest");
  expect(res.status()).toBe(200);
  const manifest = await res.json();
  expect(manifest).toMatchObject({ display: "standalone", start_url: "/", scope: "/", theme_color: "#c00000" });
  // The only publication's name; the site's own while other tests have made publications of their own.
  expect(["山东脱贫攻坚简报", "简报"]).toContain(manifest.name);
  expect(manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`)).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);
  for (const icon of manifest.icons) {
    const img = await request.get(icon.src);
    expect(img.status()).toBe(200);
    expect(img.headers()["content-type"]).toBe("image/png");
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/p/sdtp/2017/88");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  // Chromium's own installability check (what Lighthouse's PWA audit used before Lighthouse 12 dropped it), once the worker is in place.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: { errorId: string }[] };
  // The one left is the test browser's profile, which is incognito; an app error (manifest, icons, worker) would be listed here.
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== "in-incognito")).toEqual([]);
  await page.getByRole("banner").getByRole("link", { name: "客户端" }).click();
  await expect(page).toHaveURL(/\/app$/);
  await expect(page.getByRole("heading", { level: 1, name: "客户端" })).toBeVisible();
  await expect(page.getByRole("img", { name: /用手机扫码打开本站/ }).locator("svg")).toBeVisible();
  await expect(page.getByText("苹果手机和平板（Safari）")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/reader-app-install.png", fullPage: true });
});

test("an issue read once reads offline, complete; a page never read shows the offline page", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await controlled(context, "/p/sdtp/2017/88");
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("山东脱贫攻坚简报2017年第88期(总第225期)");
  expect(firstMissingInOrder(await page.locator("main").innerText(), seedLines)).toBeNull();
  await page.screenshot({ path: "test-results/screenshots/reader-app-offline-issue.png", fullPage: false });
  // Never read: the offline page, listing what is kept (not the browser's error page).
  await page.goto("/search?q=扶贫");
  await expect(page.getByRole("heading", { level: 1, name: "当前没有网络" })).toBeVisible();
  await expect(page.getByTestId("saved-issues")).toContainText("山东脱贫攻坚简报2017年第88期");
  await context.close();
});

test("保存离线阅读 keeps an issue; a correction replaces it and a withdrawal removes it at the next connection", async ({ browser, request }) => {
  test.setTimeout(90_000);
  const w = await world(request, "app");
  const issue = await publishedIssue(request, w, 2032);
  const issuePath = `/p/${w.slug}/2032/${issue.number}`;
  const context = await browser.newContext();
  const page = await controlled(context, "/app");
  await page.goto(issuePath);
  await page.getByRole("button", { name: "保存离线阅读" }).click();
  await expect(page.getByTestId("save-offline").getByRole("status")).toHaveText("本期已保存，可离线阅读");
  expect((await kept(page, `${issuePath}/print`))?.status).toBe(200);

  // Unchanged since it was kept: the next connection asks with the kept copy's ETag, the server answers 304, the copy stays.
  const etag = (await kept(page, issuePath))?.etag;
  expect(etag).toMatch(/^"c[\w-]{22}(?:-br|-gz)?"$/);
  const revalidated = new Promise<{ ifNoneMatch: string | undefined; status: number }>((resolve) => {
    context.on("response", (res) => {
      const r = res.request();
      if (r.serviceWorker() && new URL(r.url()).pathname === issuePath) resolve({ ifNoneMatch: r.headers()["if-none-match"], status: res.status() });
    });
  });
  await context.setOffline(true);
  await page.goto("/search").catch(() => {});
  await context.setOffline(false);
  await page.goto("/");
  expect(await revalidated).toEqual({ ifNoneMatch: etag, status: 304 });
  expect(await kept(page, issuePath)).toMatchObject({ status: 200, etag });

  // A correction, signed: at the next connection the kept copy is the corrected one.
  const asked = await post(request, `/api/v1/issues/${issue.id}/corrections`, w.editor, { text: "更正：客户端测试的更正。" });
  expect(asked.status()).toBe(201);
  expect((await post(request, `/api/v1/issues/${issue.id}/corrections/${(await asked.json()).id}/signoff`, w.signer, { decision: "approve" })).status()).toBe(200);
  await context.setOffline(true);
  await page.goto("/search").catch(() => {});
  await context.setOffline(false);
  await page.goto("/");
  await expect.poll(async () => (await kept(page, issuePath))?.text ?? "", { timeout: 15_000 }).toContain("客户端测试的更正");
  await context.setOffline(true);
  await page.goto(issuePath);
  await expect(page.locator("main")).toContainText("更正：客户端测试的更正。");

  // Withdrawn: at the next connection the kept copy becomes the withdrawal notice, and its print view goes.
  await context.setOffline(false);
  expect((await post(request, `/api/v1/issues/${issue.id}/withdraw`, w.editor, { reason: "核实中" })).status()).toBe(200);
  await context.setOffline(true);
  await page.goto("/search").catch(() => {});
  await context.setOffline(false);
  await page.goto("/");
  await expect.poll(async () => (await kept(page, issuePath))?.status, { timeout: 15_000 }).toBe(410);
  expect(await kept(page, `${issuePath}/print`)).toBeNull();
  await context.setOffline(true);
  await page.goto(issuePath);
  await expect(page.locator("body")).toContainText("核实中");
  await expect(page.locator("body")).not.toContainText(`签发测试甲稿2032的第一段。`);
  await context.close();
});

test("when the app is opened again, an issue published since is offered", async ({ browser, request }) => {
  const w = await world(request, "new");
  const context = await browser.newContext();
  const first = waitForHydration(await context.newPage());
  await first.goto("/");
  // The first visit records what is newest, and offers nothing.
  await expect.poll(() => first.evaluate(() => localStorage.getItem("cms-latest-seen"))).not.toBeNull();
  await expect(first.getByTestId("new-issues")).toHaveCount(0);
  const issue = await publishedIssue(request, w, 2033);
  const again = waitForHydration(await context.newPage());
  await again.goto("/search");
  const notice = again.getByRole("complementary", { name: "新的一期" });
  await notice.getByRole("link", { name: new RegExp(`^${w.name}2033年第${issue.number}期`) }).click();
  await expect(again).toHaveURL(new RegExp(`/p/${w.slug}/2033/${issue.number}$`));
  await expect(again.getByTestId("new-issues")).toHaveCount(0);
  await context.close();
});

test("下载本年全部 keeps a year's issues with a progress bar; the 客户端 page lists them and removes one", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await controlled(context, "/p/sdtp/2017/88");
  await page.getByRole("button", { name: "下载2017年全部" }).click();
  const box = page.getByTestId("save-offline");
  await expect(box.getByText(/^已保存 (\d+) \/ \1 期。/)).toBeVisible();
  await expect(box.getByRole("progressbar")).toBeVisible();
  await expect(box.getByText(/本站已用 [\d.]+ MB，浏览器允许约 [\d.]+ MB。/)).toBeVisible();
  await expect(box.getByRole("status")).toHaveText("本期已保存，可离线阅读");
  expect((await kept(page, "/p/sdtp/2017/88/print"))?.status).toBe(200);

  await page.goto("/app");
  const saved = page.getByTestId("saved-issues");
  const seed = saved.getByRole("listitem").filter({ hasText: "山东脱贫攻坚简报2017年第88期" });
  await expect(seed).toBeVisible();
  await seed.getByRole("button", { name: "移除" }).click();
  await expect(saved.getByText("山东脱贫攻坚简报2017年第88期")).toHaveCount(0);
  expect(await kept(page, "/p/sdtp/2017/88/print")).toBeNull();
  await context.close();
});
