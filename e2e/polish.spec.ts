// Details seen on screen: English statistics, the reader's brand and page
// titles, the site icon, links through the app's dialog, and the workspace
// at phone width (no word broken inside, no badge one character a line).
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { E2E } from "./env";

const ISSUE_TITLE = "山东脱贫攻坚简报2017年第88期(总第225期)";

/** How many lines each text inside an element takes (1 when nothing wraps); a cell holding two badges side by side is 1. */
async function lineCounts(page: Page, selector: string): Promise<{ text: string; lines: number }[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      let lines = 0;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(n);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        lines = Math.max(lines, tops.size);
      }
      return { text: el.textContent ?? "", lines };
    }),
  );
}

test("the statistics heading follows the language", async ({ page, context, loginAs }) => {
  await loginAs("editor");
  await context.addCookies([{ name: "locale", value: "en", url: E2E.baseURL }]);
  await page.goto("/workspace/stats?kind=month&month=2017-08");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Adoption statistics");
  await expect(page.getByRole("heading", { level: 2 }).first()).toHaveText("Adoption statistics 2017-08-01 to 2017-08-31 (All publications)");
  await page.screenshot({ path: "test-results/screenshots/stats-english.png", fullPage: true });
});

test("the reader header names the site, not 返回首页, and pages are titled by issue and publication", async ({ page, request }) => {
  await page.goto("/");
  const brand = page.getByTestId("reader-brand");
  await expect(brand).toHaveAttribute("href", "/");
  await expect(brand).not.toHaveText("返回首页");
  expect(await page.title()).toContain("山东脱贫攻坚简报");

  await page.goto("/p/sdtp/2017/88");
  await expect(page).toHaveTitle(ISSUE_TITLE);
  await page.screenshot({ path: "test-results/screenshots/reader-brand.png" });
  const issue = await (await request.get("/api/v1/publications/sdtp/issues/2017/88")).json();
  const first = issue.sections[0].articles[0] as { id: number; title: string };
  await page.goto(`/p/sdtp/2017/88/a/${first.id}`);
  await expect(page).toHaveTitle(`${first.title} · ${ISSUE_TITLE}`);
  await page.goto("/p/sdtp");
  await expect(page).toHaveTitle("山东脱贫攻坚简报");

  // The site icon is there, for the tab and for /favicon.ico.
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  expect((await icon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
  await expect(page.locator("link[rel~='icon']").first()).toHaveAttribute("href", /icon/);
});

test("a link is added through the app's dialog, which refuses an address that is not one", async ({ page, loginAs }) => {
  const browserDialogs: string[] = [];
  page.on("dialog", (d) => {
    browserDialogs.push(d.message());
    void d.dismiss();
  });
  await loginAs("contributor", { unit: "省司法厅" });
  await page.goto("/workspace/articles/new");
  await page.locator(".ProseMirror").click();
  await page.keyboard.type("中国政府网");
  await page.keyboard.press("Shift+Home");
  await page.getByRole("button", { name: "链接", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "插入链接" });
  const address = dialog.getByLabel("链接地址（http://、https:// 或 mailto:）");
  await address.fill("www.gov.cn");
  await dialog.getByRole("button", { name: "确定" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("请填写以 http://、https:// 或 mailto: 开头的完整地址。");
  await page.screenshot({ path: "test-results/screenshots/link-dialog.png" });
  await address.fill("https://www.gov.cn/");
  await dialog.getByRole("button", { name: "确定" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator(".ProseMirror")).toBeFocused(); // back in the text
  await expect(page.locator(".ProseMirror a")).toHaveAttribute("href", "https://www.gov.cn/");
  await expect(page.locator(".ProseMirror a")).toHaveText("中国政府网");
  expect(browserDialogs).toEqual([]);
});

test("at phone width the workspace menu and the status badges never break inside a word", async ({ page, loginAs }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await loginAs("editor");
  await page.goto("/workspace?status=published");
  const nav = await lineCounts(page, "nav[aria-label='工作台导航'] a");
  expect(nav.map((n) => n.text)).toEqual(expect.arrayContaining(["工作台", "采用统计"]));
  for (const n of nav) expect(n, n.text).toMatchObject({ lines: 1 });
  await expect(page.locator("table span.rounded").first()).toBeVisible();
  for (const b of await lineCounts(page, "table span.rounded")) expect(b, b.text).toMatchObject({ lines: 1 });
  // The status is on screen beside the title, not scrolled off to the right.
  const badge = (await page.locator("table span.rounded").first().boundingBox())!;
  expect(badge.x + badge.width).toBeLessThanOrEqual(360);
  for (const f of await lineCounts(page, "nav[aria-label='状态'] a")) expect(f, f.text).toMatchObject({ lines: 1 });
  await page.screenshot({ path: "test-results/screenshots/workspace-phone.png", fullPage: true });
  // The issues' list: their status badges as well.
  await page.goto("/workspace/issues");
  await expect(page.getByTestId("issue-status").first()).toBeVisible();
  for (const b of await lineCounts(page, "[data-testid='issue-status']")) expect(b, b.text).toMatchObject({ lines: 1 });
  await page.screenshot({ path: "test-results/screenshots/workspace-phone-issues.png", fullPage: true });
});

test("at phone width tables keep names, roles and buttons whole, the 通报 sheet scrolls its own table, and a file input has a button", async ({ page, loginAs }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await loginAs("admin");
  for (const path of ["/workspace/admin", "/workspace/admin/units"]) {
    await page.goto(path);
    await expect(page.locator("table tbody td").first()).toBeVisible();
    for (const cell of await lineCounts(page, "table tbody td")) expect(cell, `${path}: ${cell.text}`).toMatchObject({ lines: 1 });
    for (const tab of await lineCounts(page, "nav[aria-label='系统管理分区'] a")) expect(tab, tab.text).toMatchObject({ lines: 1 });
    // The section one is in is the one tab marked.
    const current = page.getByRole("navigation", { name: "系统管理分区" }).locator('[aria-current="page"]');
    await expect(current).toHaveText(path.endsWith("/units") ? "供稿单位" : "用户");
  }
  await page.screenshot({ path: "test-results/screenshots/admin-units-phone.png", fullPage: true });
  // The users' totals name every role, each part whole.
  await page.goto("/workspace/admin");
  await expect(page.getByText(/签发人 \d+/)).toBeVisible();

  await loginAs("editor");
  await page.goto("/workspace/stats/notice?period=2017-08");
  await expect(page.getByTestId("notice-table")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  for (const unit of await lineCounts(page, "[data-testid='notice-table'] tbody th")) expect(unit, unit.text).toMatchObject({ lines: 1 });
  await page.screenshot({ path: "test-results/screenshots/notice-phone.png", fullPage: true });

  // A search result's date stays whole (not 2017-/08-17).
  await page.goto("/search?q=扶贫");
  const dates = await lineCounts(page, "main li span.whitespace-nowrap");
  expect(dates.length).toBeGreaterThan(0);
  for (const d of dates) expect(d, d.text).toMatchObject({ text: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), lines: 1 });

  await loginAs("contributor");
  await page.goto("/workspace/articles/import");
  const button = await page.locator("input[type=file]").evaluate((el) => {
    const s = getComputedStyle(el, "::file-selector-button");
    return { border: s.borderTopWidth, background: s.backgroundColor };
  });
  expect(button).toEqual({ border: "1px", background: "rgb(255, 255, 255)" });
});
