// Article permalinks with 本期其他文章, and the withdrawn-issue notice.
import { test, expect } from "./fixtures";

async function articleIds(request: import("@playwright/test").APIRequestContext): Promise<{ id: number; title: string }[]> {
  const issue = await (await request.get("/api/v1/publications/sdtp/issues/2017/88")).json();
  return issue.sections.flatMap((s: { articles: { id: number; title: string }[] }) => s.articles);
}

test("each article has its own page with the other articles of the issue", async ({ page, request }) => {
  const articles = await articleIds(request);
  expect(articles).toHaveLength(3);
  const [first, second] = articles;
  const response = await page.goto(`/p/sdtp/2017/88/a/${first!.id}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(first!.title);
  await expect(page.getByText("刊于 山东脱贫攻坚简报2017年第88期(总第225期)")).toBeVisible();
  await expect(page.getByText("(聊城市扶贫办)")).toBeVisible();
  const others = page.getByRole("navigation", { name: "本期其他文章" });
  await expect(others.getByText(first!.title)).toHaveAttribute("aria-current", "page");
  await expect(others.getByRole("link", { name: second!.title })).toBeVisible();
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", first!.title);
  await page.screenshot({ path: "test-results/screenshots/article-permalink.png", fullPage: true });
  await others.getByRole("link", { name: second!.title }).click();
  await expect(page).toHaveURL(new RegExp(`/p/sdtp/2017/88/a/${second!.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(second!.title);
  await page.getByRole("link", { name: "阅读全期 →" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/sdtp/2017/88#article-${second!.id}$`));
});

test("an article id that is not in the issue answers 404", async ({ page }) => {
  for (const url of ["/p/sdtp/2017/88/a/999999", "/p/sdtp/2017/88/a/abc", "/p/sdtp/2017/89/a/1"]) {
    expect((await page.goto(url))?.status(), url).toBe(404);
  }
});
