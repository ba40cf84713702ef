// Search: the page and GET /api/v1/search, over the published seed issue.
// Other tests publish issues of their own (some with the seed's text), so
// searches here are scoped to the demo publication.
import { test, expect } from "./fixtures";

const ARTICLES = {
  liaocheng: "聊城市狠抓“六项举措”集中优势兵力重点突破",
  weihai: "威海市深入开展脱贫攻坚大调研扎实推进“八个精准”要求落实落地",
  sft: "省司法厅发挥职能优势服务困难群众",
};

test.describe("search page", () => {
  for (const [q, title] of [
    ["插花贫困户", ARTICLES.liaocheng],
    ["法律援助", ARTICLES.sft],
    ["八个精准", ARTICLES.weihai],
  ] as const) {
    test(`${q} finds ${title}, highlighted, and leads to the article`, async ({ page }) => {
      await page.goto("/search?publication=sdtp");
      await page.getByLabel("搜索已发布的文章").fill(q);
      await page.getByLabel("搜索已发布的文章").press("Enter");
      await expect(page).toHaveURL(new RegExp(`/search\\?q=${encodeURIComponent(q)}`));
      const results = page.getByRole("region", { name: "搜索结果" });
      const first = results.getByRole("listitem").first();
      await expect(first.getByRole("heading", { level: 2 })).toHaveText(title);
      await expect(first.locator("mark").first()).toHaveText(q);
      await first.getByRole("link", { name: title }).click();
      await expect(page).toHaveURL(/\/p\/sdtp\/2017\/88#article-\d+$/);
      const anchor = new URL(page.url()).hash;
      await expect(page.locator(anchor).getByRole("heading")).toHaveText(title);
    });
  }

  test("filters by unit and shows a message for a query that is too long", async ({ page }) => {
    await page.goto("/search?q=贫困&publication=sdtp");
    await expect(page.getByRole("status")).toHaveText("找到 3 篇文章");
    await page.getByLabel("供稿单位").selectOption("威海市扶贫办");
    await page.getByRole("button", { name: "搜索" }).click();
    await expect(page.getByRole("status")).toHaveText("找到 1 篇文章");
    await expect(page.getByRole("region", { name: "搜索结果" }).getByRole("heading")).toHaveText(ARTICLES.weihai);
    await page.screenshot({ path: "test-results/screenshots/search.png", fullPage: true });

    const response = await page.goto(`/search?q=${"扶".repeat(200)}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: "搜索词过长" })).toBeVisible();
    await page.goto("/search?q=%26%7C!()");
    await expect(page.getByRole("status")).toContainText("没有找到");
  });
});

test.describe("GET /api/v1/search", () => {
  test("answers with the contract fields", async ({ request }) => {
    const res = await request.get(`/api/v1/search?q=${encodeURIComponent("法律援助")}&publication=sdtp`);
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.results).toHaveLength(1);
    expect(body.results[0]).toMatchObject({ title: ARTICLES.sft, publication: "sdtp", year: 2017, number: 88 });
    expect(typeof body.results[0].articleId).toBe("number");
    expect(body.results[0].snippet).toContain("<mark>法律援助</mark>");
    expect(body).toMatchObject({ total: 1, page: 1 });
  });

  test("filters and paginates", async ({ request }) => {
    const all = await (await request.get(`/api/v1/search?q=${encodeURIComponent("贫困")}&publication=sdtp`)).json();
    expect(all.total).toBe(3);
    const p2 = await (await request.get(`/api/v1/search?q=${encodeURIComponent("贫困")}&publication=sdtp&pageSize=2&page=2`)).json();
    expect(p2.results.map((r: { articleId: number }) => r.articleId)).toEqual([all.results[2].articleId]);
    const unit = await (await request.get(`/api/v1/search?q=${encodeURIComponent("贫困")}&publication=sdtp&unit=${encodeURIComponent("省司法厅")}`)).json();
    expect(unit.results.map((r: { title: string }) => r.title)).toEqual([ARTICLES.sft]);
    const year = await (await request.get(`/api/v1/search?q=${encodeURIComponent("贫困")}&publication=sdtp&year=2016`)).json();
    expect(year.results).toEqual([]);
  });

  test("never answers 500 to bad queries", async ({ request }) => {
    const cases: [string, number][] = [
      ["", 200],
      ["%20%20", 200],
      [encodeURIComponent("，。！？"), 200],
      [encodeURIComponent("&|!():*<->"), 200],
      [encodeURIComponent("' OR 1=1; DROP TABLE articles; --"), 200],
      [encodeURIComponent("\\'\\"), 200],
      ["x".repeat(10_000), 400],
      [encodeURIComponent("扶".repeat(1_000)), 400],
    ];
    for (const [q, status] of cases) {
      const res = await request.get(`/api/v1/search?q=${q}`);
      expect(res.status(), q.slice(0, 40)).toBe(status);
      const body = await res.json();
      if (status === 200) expect(body.results, q.slice(0, 40)).toEqual([]);
      else expect(body.error.message).toMatch(/搜索词过长/);
    }
    // 10,000 Chinese characters make a 90 KB URL: Node refuses it before the app (431), still not a 500.
    expect((await request.get(`/api/v1/search?q=${encodeURIComponent("扶".repeat(10_000))}`)).status()).toBe(431);
    expect((await request.get("/api/v1/search")).status()).toBe(400);
    expect((await request.get("/api/v1/search?q=a&page=abc")).status()).toBe(400);
    expect((await request.get("/api/v1/search?q=a&year=0")).status()).toBe(400);
  });
});
