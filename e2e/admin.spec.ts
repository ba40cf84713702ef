// Administration through the UI: units, users with one-time passwords, the
// forced password change, deactivation that ends an open session at once.
import { test, expect, signInThroughForm } from "./fixtures";

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

test("admin creates a unit and a contributor; the contributor must change the one-time password; deactivation ends their session", async ({ page, loginAs, browser }) => {
  const stamp = Date.now().toString(36);
  const unitName = `测试市扶贫办${stamp}`;
  const email = `new-${stamp}@test.local`;
  await loginAs("admin");

  // A unit, through the form on the units page.
  await page.goto("/workspace/admin/units");
  await expect(page.getByRole("heading", { level: 1, name: "系统管理" })).toBeVisible();
  const createUnit = page.getByRole("form", { name: "新建单位" });
  await createUnit.getByLabel("单位名称").fill(unitName);
  await createUnit.getByLabel("简称").fill("测试");
  await createUnit.getByRole("button", { name: "新建单位" }).click();
  await expect(page.getByRole("row", { name: new RegExp(unitName) })).toBeVisible();
  await page.screenshot(shot("admin-units"));

  // A contributor of that unit, with a one-time password shown once.
  await page.goto("/workspace/admin");
  await page.getByRole("button", { name: "新建用户" }).click();
  const dialog = page.getByRole("dialog", { name: "新建用户" });
  await dialog.getByLabel("邮箱").fill(email);
  await dialog.getByLabel("姓名").fill("新供稿人");
  await dialog.getByLabel("角色").selectOption("contributor");
  await dialog.getByLabel("供稿单位").selectOption({ label: unitName });
  await dialog.getByRole("button", { name: "创建并生成密码" }).click();
  const secret = dialog.getByTestId("secret");
  await expect(secret).toHaveText(/^[A-Za-z0-9]{14}$/);
  const oneTimePassword = (await secret.textContent())!;
  await page.screenshot(shot("admin-user-created"));
  await dialog.getByRole("button", { name: "完成" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  const row = page.getByRole("row", { name: new RegExp(email) });
  await expect(row).toContainText(unitName);
  await expect(row).toContainText("待改密");
  await page.screenshot(shot("admin-users"));

  // The contributor signs in with it and is sent to choose their own password before any desk.
  const theirs = await browser.newContext();
  const contributor = await theirs.newPage();
  await signInThroughForm(contributor, email, oneTimePassword);
  await expect(contributor).toHaveURL(/\/change-password$/);
  await contributor.goto("/workspace");
  await expect(contributor).toHaveURL(/\/change-password$/);
  await contributor.screenshot(shot("change-password"));
  await contributor.getByLabel("当前密码（一次性密码）").fill(oneTimePassword);
  await contributor.getByLabel("新密码", { exact: true }).fill("my-own-password-1");
  await contributor.getByLabel("再次输入新密码").fill("my-own-password-2");
  await contributor.getByRole("button", { name: "保存新密码" }).click();
  await expect(contributor.getByText("两次输入的新密码不一致")).toBeVisible();
  await contributor.getByLabel("新密码", { exact: true }).fill("my-own-password-1");
  await contributor.getByLabel("再次输入新密码").fill("my-own-password-1");
  await contributor.getByLabel("当前密码（一次性密码）").fill(oneTimePassword);
  await contributor.getByRole("button", { name: "保存新密码" }).click();
  await expect(contributor.getByRole("heading", { level: 1, name: "供稿人工作台" })).toBeVisible();

  // The admin deactivates them; their open session is refused on the next request.
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(email) })).not.toContainText("待改密");
  await page.getByRole("link", { name: email }).click();
  await expect(page.getByRole("heading", { name: /新供稿人/ })).toBeVisible();
  const userId = /\/workspace\/admin\/users\/(\d+)$/.exec(page.url())?.[1];
  expect(userId).toBeTruthy();
  await page.getByRole("button", { name: "停用" }).click();
  const confirm = page.getByRole("dialog", { name: `停用 ${email}？` });
  await page.screenshot(shot("admin-deactivate-confirm"));
  await confirm.getByRole("button", { name: "确认停用" }).click();
  await expect(page.getByRole("button", { name: "重新启用" })).toBeVisible();
  await page.screenshot(shot("admin-user-detail"));

  await contributor.goto("/workspace");
  await expect(contributor).toHaveURL(/\/login\?callbackUrl=%2Fworkspace/);
  const api = await contributor.request.get("/api/v1/articles");
  expect(api.status()).toBe(401);
  // And they cannot sign in again.
  await signInThroughForm(contributor, email, "my-own-password-1");
  await expect(contributor.locator("form").getByRole("alert")).toBeVisible();
  await theirs.close();

  // Every step is in the audit log, linked to its target. (Filtered to this user: the tests beside this one
  // deactivate users of their own, and the log is the whole site's.)
  await page.goto(`/workspace/admin/audit?action=user.&targetType=user&targetId=${userId}`);
  const entries = page.getByRole("row");
  await expect(entries.filter({ hasText: "停用用户" }).first()).toBeVisible();
  await expect(entries.filter({ hasText: "修改本人密码" }).first()).toBeVisible();
  await page.screenshot(shot("admin-audit"));
  await entries.filter({ hasText: "停用用户" }).first().getByRole("link").click();
  await expect(page).toHaveURL(/\/workspace\/admin\/users\/\d+$/);
  await expect(page.getByRole("heading", { name: /新供稿人/ })).toBeVisible();
});

test("admin creates a publication and edits its print footer", async ({ page, loginAs }) => {
  const slug = `e2e${Date.now().toString(36)}`;
  await loginAs("admin");
  await page.goto("/workspace/admin/publications");
  await page.getByRole("link", { name: "新建刊物" }).click();
  await page.getByLabel("刊物名称").fill("测试工作简报");
  await page.getByLabel("代号").fill(slug);
  await page.getByLabel("编发单位（来源）").fill("办公室");
  await page.getByRole("button", { name: "新建刊物" }).click();
  await expect(page).toHaveURL(new RegExp(`/workspace/admin/publications/${slug}$`));
  await page.getByLabel("报送").fill("省委、省政府领导同志");
  await page.getByLabel("印数（份）").fill("120");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toHaveText("已保存。");
  await page.screenshot(shot("admin-publication"));
  await page.reload();
  await expect(page.getByLabel("报送")).toHaveValue("省委、省政府领导同志");
  await expect(page.getByLabel("印数（份）")).toHaveValue("120");
  await page.getByLabel("代号").evaluate((el) => el.removeAttribute("pattern"));
  await page.getByLabel("代号").fill("Not OK!");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("只能用小写字母、数字和连字符，最多 40 位")).toBeVisible();
  await expect(page.getByLabel("代号")).toHaveAttribute("aria-invalid", "true");
});

test("every user manages their own API tokens; the token is shown once and revoking it stops it", async ({ page, loginAs }) => {
  await loginAs("contributor");
  await page.goto("/workspace/tokens");
  await expect(page.getByText("您还没有令牌。")).toBeVisible();
  await page.getByLabel("名称").fill("排版脚本");
  await page.getByRole("button", { name: "创建令牌" }).click();
  const token = (await page.getByTestId("secret").textContent())!;
  expect(token).toMatch(/^bcms_/);
  const ok = await page.request.get("/api/v1/articles", { headers: { authorization: `Bearer ${token}` } });
  expect(ok.status()).toBe(200);
  await page.reload();
  await expect(page.getByTestId("secret")).toHaveCount(0);
  const row = page.getByRole("row", { name: /排版脚本/ });
  await expect(row).not.toContainText("从未使用");
  await page.screenshot(shot("tokens"));
  // The app's own dialog, not the browser's window.confirm.
  const browserDialogs: string[] = [];
  page.on("dialog", (d) => {
    browserDialogs.push(d.message());
    void d.dismiss();
  });
  await row.getByRole("button", { name: "吊销令牌 排版脚本" }).click();
  const confirm = page.getByRole("dialog", { name: "吊销令牌“排版脚本”？" });
  await expect(confirm).toContainText("使用它的程序将立即无法访问");
  await confirm.getByRole("button", { name: "取消" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(row).not.toContainText("已于");
  await row.getByRole("button", { name: "吊销令牌 排版脚本" }).click();
  await confirm.getByRole("button", { name: "确认吊销" }).click();
  await expect(row).toContainText("已于");
  expect(browserDialogs).toEqual([]);
  const refused = await page.request.get("/api/v1/articles", { headers: { authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  await expect(page.getByRole("link", { name: "全部用户的令牌" })).toHaveCount(0);
});
