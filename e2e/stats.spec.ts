// 信息采用统计 in the browser: the ranking table, the charts and the exports.
import fs from "node:fs";
import type { Locator } from "@playwright/test";
import mammoth from "mammoth";
import { test, expect, createUser } from "./fixtures";
import { E2E } from "./env";
import { desk, html, post, tokenFor } from "./signoff-world";

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
  // The tab, and the name a browser offers when the sheet is saved as PDF.
  await expect(page).toHaveTitle("关于2017年8月份信息报送采用情况的通报");
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
    // 排名, 单位, 报送, 采用, 刊用, 头条, 采用率, 约稿完成, 批示, 上级采用, 得分 from the statistics' 排名, 单位, 报送, 退回, 采用,
    // 未采用, 刊用, 头条, 采用率, 约稿按时, 约稿逾期, 约稿未报, 批示, 上级采用, 得分 (the statistics mark a deactivated unit after its name).
    expect(noticeRows.length).toBe(statsRows.length);
    noticeRows.forEach(([rank, unit, ...numbers], i) => {
      const s = statsRows[i]!;
      expect(s[1]!.startsWith(unit!)).toBe(true);
      const [onTime, late, missed] = [s[9], s[10], s[11]].map(Number) as [number, number, number];
      const commissions = onTime + late + missed ? `${onTime + late}/${onTime + late + missed}` : "—";
      expect([rank, ...numbers]).toEqual([s[0], s[2], s[4], s[6], s[7], s[8], commissions, s[12], s[13], s[14]]);
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

// Issue #16, the year's work in the statistics: an editor commissions two units; one answers before the deadline, its
// answer is published and draws a provincial 批示, which the unit answers with 落实反馈; the other unit misses the
// deadline (the test clock moves past it, no sleeping). The statistics and the 通报 of the month count both and score them.
// After the weights test above (the tests of a file run in order): the weights set here are the latest.
test("约稿 answered and missed, a provincial 批示 with 落实反馈: the statistics and the 通报 count and score them", async ({ browser, request }) => {
  test.setTimeout(240_000);
  fs.mkdirSync("test-results/screenshots", { recursive: true });
  const stamp = `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const admin = await tokenFor(request, await createUser("admin"));
  const unitNames = [`记分甲单位${stamp}`, `记分乙单位${stamp}`] as const;
  for (const name of unitNames) expect((await request.post("/api/v1/units", { headers: admin, data: { name } })).status()).toBe(201);
  const publication = `记分简报${stamp}`;
  expect((await request.post("/api/v1/publications", { headers: admin, data: { slug: stamp, name: publication, issuingBody: "宣传信息组" } })).status()).toBe(201);
  const [editorUser, signerUser, contributorA] = await Promise.all([createUser("editor"), createUser("signer"), createUser("contributor", { unit: unitNames[0] })]);
  await createUser("contributor", { unit: unitNames[1] });
  const [editorToken, signerToken, contributorToken] = await Promise.all([tokenFor(request, editorUser), tokenFor(request, signerUser), tokenFor(request, contributorA)]);

  // —— The editor sets the weights: 约稿 on time 3, late 1, missed −4; a provincial 批示 10 ——
  const editor = await desk(browser, editorUser);
  await editor.goto("/workspace/stats/weights");
  const weights: [string, string][] = [
    ["报送每篇", "0"],
    ["采用每篇", "0"],
    ["刊用每篇", "10"],
    ["头条加分", "5"],
    ["约稿按时报送每篇", "3"],
    ["约稿逾期报送每篇", "1"],
    ["约稿未报送每次（扣分）", "-4"],
    ["省级批示每件", "10"],
  ];
  for (const [label, value] of weights) await editor.getByLabel(label, { exact: true }).fill(value);
  await editor.getByRole("button", { name: "保存为新版本" }).click();
  await expect(editor.getByRole("status")).toHaveText("已保存新的记分标准。");

  // —— The editor commissions both units, due in two hours ——
  const due = new Date(Math.ceil((Date.now() + 2 * 3_600_000) / 60_000) * 60_000);
  const china = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString();
  const title = `关于报送冬春救助工作信息的约稿${stamp}`;
  await editor.goto("/workspace/commissions/new");
  await editor.getByRole("textbox", { name: "标题" }).fill(title);
  await editor.getByRole("textbox", { name: "约稿要求" }).click();
  await editor.keyboard.type("请报送冬春救助的做法。");
  await editor.getByLabel("截止时间", { exact: true }).fill(china(due).slice(0, 16));
  for (const name of unitNames) await editor.getByRole("checkbox", { name }).check();
  await editor.getByRole("button", { name: "发出约稿" }).click();
  await expect(editor).toHaveURL(/\/workspace\/commissions\/\d+$/);
  const commissionId = Number(/(\d+)$/.exec(editor.url())![1]);

  // —— 甲 answers before the deadline; the answer is accepted, laid out and published ——
  const created = await request.post("/api/v1/articles", { headers: contributorToken, data: { title: `冬春救助工作的做法${stamp}`, html: html("做法一。", "做法二。"), commissionId } });
  expect(created.status(), await created.text()).toBe(201);
  const articleId = (await created.json()).id as number;
  expect((await post(request, `/api/v1/articles/${articleId}/submit`, contributorToken)).status()).toBe(200);
  expect((await post(request, `/api/v1/articles/${articleId}/accept`, editorToken)).status()).toBe(200);
  const issue = await (await request.post("/api/v1/issues", { headers: editorToken, data: { publication: stamp, year: 2037 } })).json();
  const laid = await request.put(`/api/v1/issues/${issue.id}/layout`, { headers: editorToken, data: { sections: [{ heading: "工作动态", articleIds: [articleId] }] } });
  expect(laid.status()).toBe(200);
  expect((await request.patch(`/api/v1/issues/${issue.id}`, { headers: editorToken, data: { version: (await laid.json()).version, editorName: "刘栋" } })).status()).toBe(200);
  expect((await post(request, `/api/v1/issues/${issue.id}/request-signoff`, editorToken)).status()).toBe(200);
  expect((await post(request, `/api/v1/issues/${issue.id}/signoff`, signerToken, { decision: "approve" })).status()).toBe(200);
  expect((await post(request, `/api/v1/issues/${issue.id}/publish`, editorToken)).status()).toBe(200);

  // —— The signer records a provincial 批示 on the published answer, from the 批示台账 ——
  const signer = await desk(browser, signerUser);
  await signer.goto(`/workspace/instructions?article=${articleId}#record`);
  const form = signer.getByTestId("instruction-form");
  await expect(form.getByRole("combobox", { name: "稿件" })).toHaveValue(String(articleId));
  await form.getByRole("textbox", { name: "批示领导" }).fill("赵某某（副省长）");
  await form.getByRole("combobox", { name: "级别" }).selectOption({ label: "省级" });
  await form.getByRole("textbox", { name: "批示内容" }).fill("做法实在，请总结推广。");
  await form.getByRole("button", { name: "记录批示" }).click();
  await expect(form.getByRole("status")).toContainText("批示已记录");
  // The ledger filtered by the unit: its 批示 alone.
  await signer.goto("/workspace/instructions");
  await signer.getByRole("search", { name: "按单位筛选" }).getByLabel("单位").selectOption({ label: unitNames[0] });
  await signer.getByRole("search", { name: "按单位筛选" }).getByRole("button", { name: "筛选" }).click();
  await expect(signer).toHaveURL(/[?&]unit=\d+/);
  await expect(signer.getByTestId("instruction-row")).toHaveCount(1);
  await expect(signer.getByTestId("instruction-row")).toContainText("赵某某（副省长）");

  // —— 甲's contributor answers it with 落实反馈 ——
  const unitA = await desk(browser, contributorA);
  await unitA.goto(`/workspace/articles/${articleId}`);
  const instruction = unitA.getByTestId("instruction").filter({ hasText: "赵某某（副省长）" });
  await instruction.getByRole("textbox", { name: "落实情况" }).click();
  await unitA.keyboard.insertText("已印发全市学习推广。");
  await instruction.getByRole("button", { name: "报送落实反馈" }).click();
  await expect(instruction.getByTestId("feedback-state")).toContainText("已反馈");

  // —— An hour after the deadline (the test clock): 乙 has missed it ——
  await editor.context().setExtraHTTPHeaders({ "x-e2e-token": E2E.hookToken, "x-e2e-now": new Date(due.getTime() + 3_600_000).toISOString() });
  const month = china(due).slice(0, 7);
  await editor.goto(`/workspace/stats?period=${month}`);
  const table = editor.getByTestId("stats-table");
  const rowOf = (unit: string) => table.getByRole("row", { name: new RegExp(unit) });
  const cellsOf = async (unit: string) => (await rowOf(unit).locator("td").allInnerTexts()).map((c) => c.trim());
  // 报送, 退回, 采用, 未采用, 刊用, 头条, 采用率, 约稿按时, 约稿逾期, 约稿未报, 批示, 上级采用, 得分 (after 排名 and the unit).
  // 甲: published as the issue's lead (10 + 5), the commission on time (3), a provincial 批示 (10): 28. 乙: −4.
  await expect.poll(async () => (await cellsOf(unitNames[0])).slice(2)).toEqual(["1", "0", "1", "0", "1", "1", "100.0%", "1", "0", "0", "1", "0", "28"]);
  expect((await cellsOf(unitNames[1])).slice(2)).toEqual(["0", "0", "0", "0", "0", "0", "—", "0", "0", "1", "0", "0", "-4"]);
  // The 批示 cell names the levels.
  await expect(rowOf(unitNames[0]).locator("td").nth(12)).toHaveAttribute("title", "国家级 0 · 省级 1 · 市级 0 · 县级 0");
  await table.scrollIntoViewIfNeeded();
  await table.screenshot({ path: "test-results/screenshots/stats-table-follow-up.png" });
  await editor.screenshot({ path: "test-results/screenshots/stats-follow-up.png", fullPage: true });

  // —— The month's 通报: the same counts and scores, with the 批示 listed ——
  await editor.getByRole("link", { name: "生成通报" }).click();
  await expect(editor).toHaveURL(new RegExp(`/workspace/stats/notice\\?period=${month}$`));
  const noticeRow = (unit: string) => editor.getByTestId("notice-table").getByRole("row", { name: new RegExp(unit) });
  const noticeCells = async (unit: string) => (await noticeRow(unit).locator("td").allInnerTexts()).map((c) => c.trim());
  // 排名, 报送, 采用, 刊用, 头条, 采用率, 约稿完成, 批示, 上级采用, 得分 (the unit is the row's header).
  expect((await noticeCells(unitNames[0])).slice(1)).toEqual(["1", "1", "1", "1", "100.0%", "1/1", "1", "0", "28"]);
  expect((await noticeCells(unitNames[1])).slice(1)).toEqual(["0", "0", "0", "0", "—", "0/1", "0", "0", "-4"]);
  await expect(editor.getByRole("article")).toContainText(`赵某某（副省长）（省级）对${unitNames[0]}报送的《冬春救助工作的做法${stamp}》作出批示。`);
  await editor.setViewportSize({ width: 900, height: 1270 });
  await editor.screenshot({ path: "test-results/screenshots/notice-follow-up.png" });
  const [word] = await Promise.all([editor.waitForEvent("download"), editor.getByRole("link", { name: "下载 Word" }).click()]);
  const text = (await mammoth.extractRawText({ path: (await word.path())! })).value;
  expect(text).toContain("约稿完成");
  expect(text).toContain(unitNames[1]);
});
