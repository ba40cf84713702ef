// Accessibility of every reader page: axe-core finds no violations, headings
// form a proper outline (one h1, no skipped levels), and the keyboard works.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";

async function headingOutline(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const levels = Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6"))
      .filter((h) => (h as HTMLElement).offsetParent !== null)
      .map((h) => Number(h.tagName[1]));
    if (levels.filter((l) => l === 1).length !== 1) return `expected one h1, got levels ${levels.join(",")}`;
    if (levels[0] !== 1) return `first heading is h${levels[0]}`;
    for (let i = 1; i < levels.length; i++) {
      if (levels[i]! > levels[i - 1]! + 1) return `h${levels[i - 1]} is followed by h${levels[i]}`;
    }
    return null;
  });
}

test("every reader page passes axe-core and has a proper heading outline", async ({ page, request }) => {
  const issue = await (await request.get("/api/v1/publications/sdtp/issues/2017/88")).json();
  const articleId = issue.sections[0].articles[1].id;
  const pages = [
    "/",
    "/p/sdtp",
    "/p/sdtp/2017/88",
    "/p/sdtp/2017/88/print",
    `/p/sdtp/2017/88/a/${articleId}`,
    "/search",
    `/search?q=${encodeURIComponent("精准")}`,
    "/p/sdtp/2017/999",
  ];
  for (const url of pages) {
    await page.goto(url);
    const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    const violations = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`);
    expect(violations, url).toEqual([]);
    expect(await headingOutline(page), url).toBeNull();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  }
});

test("the issue's contents and the search work from the keyboard", async ({ page }) => {
  await page.goto("/p/sdtp/2017/88");
  const target = "省司法厅发挥职能优势服务困难群众";
  let focused = "";
  for (let i = 0; i < 40 && focused !== target; i++) {
    await page.keyboard.press("Tab");
    focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
  }
  expect(focused).toBe(target);
  // The focused link shows a visible focus indicator.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#article-\d+$/);

  await page.goto("/search");
  let tag = "";
  for (let i = 0; i < 20 && tag !== "search-q"; i++) {
    await page.keyboard.press("Tab");
    tag = await page.evaluate(() => document.activeElement?.id ?? "");
  }
  expect(tag).toBe("search-q");
  await page.keyboard.type("八个精准");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "搜索结果" }).getByRole("heading").first()).toHaveText(
    "威海市深入开展脱贫攻坚大调研扎实推进“八个精准”要求落实落地",
  );
});
