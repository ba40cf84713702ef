import { test, expect, createUser, signInThroughForm } from "./fixtures";
import { E2E } from "./env";

test.describe("signing in", () => {
  for (const [email, desk] of [
    ["admin@demo.local", "管理工作台"],
    ["editor@demo.local", "编辑工作台"],
    ["liaocheng@demo.local", "供稿人工作台"],
    ["weihai@demo.local", "供稿人工作台"],
    ["sft@demo.local", "供稿人工作台"],
  ] as const) {
    test(`${email} signs in and lands on the ${desk}`, async ({ page }) => {
      await signInThroughForm(page, email, E2E.demoPassword);
      await expect(page.getByRole("heading", { level: 1, name: desk })).toBeVisible();
      await expect(page).toHaveURL(/\/workspace$/);
    });
  }

  test("a wrong password shows an error and the sixth wrong try is refused", async ({ page }) => {
    const user = await createUser("editor");
    for (let i = 1; i <= 5; i++) {
      await signInThroughForm(page, user.email, `wrong-${i}`);
      await expect(page.locator("form").getByRole("alert")).toHaveText("邮箱或密码不正确。");
    }
    await signInThroughForm(page, user.email, user.password);
    await expect(page.locator("form").getByRole("alert")).toHaveText("该账户登录失败次数过多，已锁定，请 15 分钟后再试或请管理员解锁。");
    await expect(page).toHaveURL(/\/login/);
  });

  test("signing out ends the session", async ({ page }) => {
    await signInThroughForm(page, "editor@demo.local", E2E.demoPassword);
    await expect(page.getByRole("heading", { name: "编辑工作台" })).toBeVisible();
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/workspace");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fworkspace/);
  });
});

test.describe("permission boundaries", () => {
  test("a signed-out visitor cannot reach the workspace", async ({ page }) => {
    for (const url of ["/workspace", "/workspace/admin", "/workspace/articles/1"]) {
      await page.goto(url);
      await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    }
  });

  test("a contributor sees their unit's articles and cannot open another unit's", async ({ page, loginAs, request }) => {
    await loginAs("contributor", { unit: "威海市扶贫办" });
    const demo = (await (await request.get("/api/v1/publications/sdtp/issues/2017/88")).json()).sections[0].articles as { id: number; attribution: string }[];
    const own = demo.find((a) => a.attribution === "威海市扶贫办")!;
    await page.goto("/workspace");
    await expect(page.getByRole("heading", { name: "供稿人工作台" })).toBeVisible();
    const rows = page.getByRole("row");
    // Every row is their unit's (other tests may add 威海 articles too).
    await expect(rows.filter({ hasText: "威海市深入开展脱贫攻坚大调研" }).first()).toBeVisible();
    for (const unit of await page.locator("tbody tr td:nth-child(2)").allInnerTexts()) expect(unit).toBe("威海市扶贫办");
    await page.goto(`/workspace/articles/${own.id}`);
    await expect(page.getByRole("heading", { name: /威海市深入开展脱贫攻坚大调研/ })).toBeVisible();
    for (const other of demo.filter((a) => a.attribution !== "威海市扶贫办")) {
      const response = await page.goto(`/workspace/articles/${other.id}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    }
  });

  test("a contributor cannot open the admin pages", async ({ page, loginAs }) => {
    await loginAs("contributor");
    const response = await page.goto("/workspace/admin");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("link", { name: "系统管理" })).toHaveCount(0);
  });

  test("an editor cannot open the admin pages; an admin can", async ({ page, loginAs, browser }) => {
    await loginAs("editor");
    expect((await page.goto("/workspace/admin"))?.status()).toBe(404);
    const context = await browser.newContext();
    const admin = await createUser("admin");
    const { sessionCookieFor } = await import("./fixtures");
    await context.addCookies([await sessionCookieFor(admin)]);
    const adminPage = await context.newPage();
    await adminPage.goto("/workspace/admin");
    await expect(adminPage.getByRole("heading", { name: "系统管理" })).toBeVisible();
    await expect(adminPage.getByRole("cell", { name: "liaocheng@demo.local" })).toBeVisible();
    await context.close();
  });
});
