import fs from "node:fs";
import path from "node:path";
import { test, expect } from "./fixtures";
import { seedContentLines } from "../lib/seed/parse-seed";
import { firstMissingInOrder } from "../testing/printed-lines";

const seedLines = seedContentLines(fs.readFileSync(path.join(__dirname, "../db/seed/shandong-2017-88.txt"), "utf8"));
test.describe("reader site", () => {
  test("the seed issue reads like the seed: every content line, in order", async ({ page }) => {
    const response = await page.goto("/p/sdtp/2017/88");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("山东脱贫攻坚简报2017年第88期(总第225期)");
    await expect(page.getByText("来源: 宣传信息组 2017-08-17 10:12")).toBeVisible();
    await expect(page.getByText("编辑:刘栋")).toBeVisible();
    const text = await page.locator("main").innerText();
    expect(firstMissingInOrder(text, seedLines)).toBeNull();
    // Fails if a single line is dropped or out of order.
    expect(firstMissingInOrder(text, [...seedLines.slice(0, 20), "不存在的一行", ...seedLines.slice(20)])).toBe("不存在的一行");
    expect(firstMissingInOrder(text, [seedLines[30]!, seedLines[10]!])).not.toBeNull();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await page.screenshot({ path: "test-results/screenshots/issue-page.png", fullPage: true });
  });

  test("the contents link to each article", async ({ page }) => {
    await page.goto("/p/sdtp/2017/88");
    const contents = page.getByRole("navigation", { name: "本期目录" });
    await expect(contents.getByText("【向深度贫困进军】")).toBeVisible();
    const links = contents.getByRole("link");
    await expect(links).toHaveText([
      "聊城市狠抓“六项举措”集中优势兵力重点突破",
      "威海市深入开展脱贫攻坚大调研扎实推进“八个精准”要求落实落地",
      "省司法厅发挥职能优势服务困难群众",
    ]);
    await links.nth(2).click();
    await expect(page).toHaveURL(/#article-\d+$/);
    const target = page.locator(await links.nth(2).getAttribute("href").then((h) => h!));
    await expect(target.getByRole("heading")).toHaveText("省司法厅发挥职能优势服务困难群众");
    await expect(target).toContainText("实现“零投诉”。(省司法厅)");
  });

  test("home and archive lead to the issue", async ({ page }) => {
    await page.goto("/");
    // Other tests add publications; this one is the demo's.
    const demo = page.locator("section").filter({ has: page.locator('a[href="/p/sdtp"]') }).first();
    await expect(demo.getByRole("heading", { name: "山东脱贫攻坚简报" })).toBeVisible();
    await demo.getByRole("link", { name: /往期/ }).click();
    await expect(page).toHaveURL(/\/p\/sdtp$/);
    await expect(page.getByRole("heading", { name: "2017年" })).toBeVisible();
    await page.getByRole("link", { name: "山东脱贫攻坚简报2017年第88期(总第225期)" }).click();
    await expect(page).toHaveURL(/\/p\/sdtp\/2017\/88$/);
  });

  test("unknown and unpublished issues answer 404", async ({ page }) => {
    for (const url of ["/p/sdtp/2017/89", "/p/sdtp/2017/abc", "/p/nope", "/p/nope/2017/88"]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    }
  });

  test("reads well on a 360-px phone", async ({ browser }) => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
    await page.goto("/p/sdtp/2017/88");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const fontSize = await page.locator(".article-body p").first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(17);
    await page.screenshot({ path: "test-results/screenshots/issue-phone.png" });
    await page.close();
  });

  test("switches to English and back", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "English" }).click();
    await expect(page.getByRole("heading", { name: "Publications" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("link", { name: "中文" }).click();
    await expect(page.getByRole("heading", { name: "刊物" })).toBeVisible();
  });

  test("reader pages carry only the texts their client components use, not the workspace's", async ({ request }) => {
    const workspaceOnly = JSON.parse(fs.readFileSync(path.join(__dirname, "../messages/zh-CN/account.json"), "utf8")).mustChange as string;
    for (const url of ["/", "/p/sdtp", "/p/sdtp/2017/88", "/p/sdtp/2017/88/print", "/search?q=扶贫"]) {
      const html = await (await request.get(url)).text();
      expect(html, url).not.toContain(workspaceOnly);
    }
    // The sign-in pages and the workspace get every namespace (their forms work: auth.spec, contributor.spec …).
    expect(await (await request.get("/login")).text()).toContain(workspaceOnly);
  });
});
