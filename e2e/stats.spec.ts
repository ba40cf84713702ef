// 信息采用统计 in the browser: the ranking table, the charts and the exports.
import fs from "node:fs";
import type { Locator } from "@playwright/test";
import mammoth from "mammoth";
import { test, expect } from "./fixtures";

test("an editor sees the statistics of the demo month and downloads CSV and Excel", async ({ page, loginAs }) => {
  await loginAs("editor");
  await page.goto("/workspace");
  await page.getByRole("link", { name: "采用统计" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "信息采用统计" })).toBeVisible();
  await page.getByLabel("月份").fill("2017-08");
  await page.getByRole("button", { name: "统计" }).click();
  await expect(page).toHaveURL(/month=2017-08/);
  const table = page.getByTestId("stats-table");
  await expect(table.getByRole("row", { name: /聊城市扶贫办/ })).toBeVisible();
  await expect(table.getByRole("row", { name: /合计/ })).toBeVisible();
  // The demo issue was published on 2017-08-17: its articles score in that month (聊城's leads the issue: 10 + 5).
  // Other tests may publish into the same month in parallel, so only the demo's floor is checked here; exact numbers are in lib/stats tests.
  await expect(page.getByRole("figure", { name: "各单位得分" }).getByRole("application")).toBeVisible();
  const score = async (unit: string) => Number((await table.getByRole("row", { name: new RegExp(unit) }).innerText()).trim().split(/\s+/).at(-1));
  expect(await score("聊城市扶贫办")).toBeGreaterThanOrEqual(15);
  expect(await score("威海市扶贫办")).toBeGreaterThanOrEqual(10);
  await expect(page.getByRole("figure", { name: "近 12 个月趋势" }).getByRole("application")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/stats.png", fullPage: true });

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出 CSV" }).click()]);
  expect(csv.suggestedFilename()).toBe("信息采用统计-2017-08.csv");
  const bytes = fs.readFileSync((await csv.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.subarray(3).toString("utf8")).toMatch(/^排名,供稿单位,报送/);
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出 Excel" }).click()]);
  expect(xlsx.suggestedFilename()).toBe("信息采用统计-2017-08.xlsx");

  // 生成通报: the month's 信息工作通报, whose numbers are the statistics page's numbers.
  const cells = (rows: Locator) => rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c as HTMLElement).innerText.trim())));
  await page.getByRole("link", { name: "生成通报" }).click();
  await expect(page).toHaveURL(/\/workspace\/stats\/notice\?period=2017-08$/);
  const notice = page.getByRole("article");
  await expect(notice.getByRole("heading", { level: 1 })).toHaveText("关于2017年8月份信息报送采用情况的通报");
  await expect(notice.getByText("各供稿单位：")).toBeVisible();
  // Signed by the publication's issuing body (the demo's 宣传信息组).
  await expect(notice.getByText("宣传信息组", { exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/notice.png", fullPage: true });
  // Other tests may publish into the month meanwhile: compare the two pages read one after the other, again if they raced.
  await expect(async () => {
    const noticeRows = await cells(page.getByTestId("notice-table").locator("tbody tr"));
    await page.goto("/workspace/stats?period=2017-08");
    const statsRows = await cells(page.getByTestId("stats-table").locator("tbody tr, tfoot tr"));
    await page.goto("/workspace/stats/notice?period=2017-08");
    // 排名, 单位, 报送, 采用, 刊用, 头条, 采用率, 得分 from the statistics' 排名, 单位, 报送, 退回, 采用, 未采用, 刊用, 头条, 采用率, 得分
    // (the statistics mark a deactivated unit after its name).
    expect(noticeRows.length).toBe(statsRows.length);
    noticeRows.forEach(([rank, unit, ...numbers], i) => {
      const s = statsRows[i]!;
      expect(s[1]!.startsWith(unit!)).toBe(true);
      expect([rank, ...numbers]).toEqual([s[0], s[2], s[4], s[6], s[7], s[8], s[9]]);
    });
  }).toPass({ timeout: 30_000 });
  const [word] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载 Word" }).click()]);
  expect(word.suggestedFilename()).toBe("关于2017年8月份信息报送采用情况的通报.docx");
  const text = (await mammoth.extractRawText({ path: (await word.path())! })).value;
  expect(text).toContain("关于2017年8月份信息报送采用情况的通报");
  expect(text).toContain("聊城市扶贫办");
  await page.getByRole("link", { name: "← 返回统计" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "信息采用统计" })).toBeVisible();

  await page.goto("/workspace/stats");
  // The current month: the table, with a line saying so when nothing happened yet (run alone, the month is empty).
  await expect(page.getByTestId("stats-table").or(page.getByText("这一时间段没有报送、审核或出版的稿件")).first()).toBeVisible();

  // An empty period says so; a bad one says what is wrong.
  await page.goto("/workspace/stats?kind=month&month=2001-01");
  await expect(page.getByText("这一时间段没有报送、审核或出版的稿件")).toBeVisible();
  await page.goto("/workspace/stats?period=2017-13");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("统计条件无效：月份无效");
});

test("an editor sets new scoring weights from today; contributors do not see statistics", async ({ page, loginAs, browser }) => {
  await loginAs("editor");
  await page.goto("/workspace/stats/weights");
  await page.getByLabel("刊用每篇").fill("12");
  await page.getByRole("button", { name: "保存为新版本" }).click();
  await expect(page.getByRole("status")).toHaveText("已保存新的记分标准。");
  await expect(page.getByRole("row").nth(1)).toContainText("12");
  await page.screenshot({ path: "test-results/screenshots/stats-weights.png", fullPage: true });

  const context = await browser.newContext();
  const { createUser, sessionCookieFor } = await import("./fixtures");
  await context.addCookies([await sessionCookieFor(await createUser("contributor"))]);
  const contributor = await context.newPage();
  expect((await contributor.goto("/workspace/stats"))?.status()).toBe(404);
  await contributor.goto("/workspace");
  await expect(contributor.getByRole("link", { name: "采用统计" })).toHaveCount(0);
  await context.close();
});
