// 本人会话 and self-service two-factor (issue 21, 等保 身份鉴别): on the
// account page a user sees their own sessions and signs another device out —
// whose next page load lands on the sign-in page — and turns two-factor on and
// off again with the password and a code. Codes are computed from the secret.
import { test, expect, signInThroughForm, waitForHydration } from "./fixtures";
import * as OTPAuth from "otpauth";

const codeFor = (secret: string, at = Date.now()) => OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30, timestamp: at });
/** A code is good once, the enrolment's included: the next one is the next step's, inside the ±1-step window. */
const nextCodeFor = (secret: string) => codeFor(secret, Date.now() + 30_000);

const PHONE_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

test("my sessions: two devices listed, the other signed out from this one, whose next page is the sign-in page", async ({ page, loginAs, browser }) => {
  const user = await loginAs("editor");
  // The same account on a phone, through the sign-in form (the e2e server trusts X-Forwarded-For as from a proxy).
  const phone = await browser.newContext({ userAgent: PHONE_UA, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.66" } });
  const phonePage = waitForHydration(await phone.newPage());
  await signInThroughForm(phonePage, user.email, user.password);
  await expect(phonePage.getByRole("heading", { level: 1, name: "编辑工作台" })).toBeVisible();

  await page.goto("/workspace");
  await page.getByRole("navigation", { name: "工作台导航" }).getByRole("link", { name: "账户安全" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "账户安全" })).toBeVisible();
  const sessions = page.getByRole("table", { name: "登录会话" });
  const rows = sessions.getByTestId("session-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "本设备" })).toHaveCount(1);
  const other = rows.filter({ hasText: "Safari 17 · iOS 17" });
  await expect(other).toContainText("198.51.100.66");
  await expect(other).not.toContainText("本设备");

  await other.getByRole("button", { name: "退出会话：Safari 17 · iOS 17，198.51.100.66" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("本设备");
  await expect(page.getByText("只有本设备登录着此账户。")).toBeVisible();

  // The phone's next page load: its session is gone on the server.
  await phonePage.goto("/workspace");
  await expect(phonePage).toHaveURL(/\/login/);
  // This device goes on.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "账户安全" })).toBeVisible();

  // 退出其他设备: the phone signs in again, and is signed out with every other device at once.
  await signInThroughForm(phonePage, user.email, user.password);
  await expect(phonePage.getByRole("heading", { level: 1, name: "编辑工作台" })).toBeVisible();
  await page.reload();
  await expect(rows).toHaveCount(2);
  await page.getByRole("button", { name: "退出其他设备" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "退出其他设备" }).click();
  await expect(page.getByRole("status")).toHaveText("已退出 1 个其他会话。");
  await expect(rows).toHaveCount(1);
  await phonePage.goto("/workspace/articles/new");
  await expect(phonePage).toHaveURL(/\/login/);
  await phone.close();
});

test("two-factor on, new recovery codes and off again from the account page, each with the password and a code", async ({ page, loginAs }) => {
  const user = await loginAs("editor");
  await page.goto("/workspace/account");
  const state = page.getByTestId("two-factor-state");
  await expect(state).toHaveText("两步验证未启用：登录只需密码。");

  // On: the enrolment page, as from the sign-in.
  await page.getByRole("link", { name: "启用两步验证" }).click();
  await page.getByRole("button", { name: "开始设置" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await page.getByLabel("验证码").fill(codeFor(secret));
  await page.getByRole("button", { name: "启用两步验证" }).click();
  await expect(page.getByRole("list", { name: "恢复码" }).getByRole("listitem")).toHaveCount(10);
  await page.goto("/workspace/account");
  await expect(state).toContainText("两步验证已启用");
  await expect(state).toContainText("剩余恢复码 10 个");

  // New recovery codes: the password and a current code.
  await page.getByRole("button", { name: "重新生成恢复码" }).click();
  const codesForm = page.getByRole("form", { name: "重新生成恢复码" });
  await codesForm.getByLabel("登录密码").fill(user.password);
  await codesForm.getByLabel("验证码或恢复码").fill(nextCodeFor(secret));
  await codesForm.getByRole("button", { name: "生成新的恢复码" }).click();
  const fresh = page.getByRole("list", { name: "新的恢复码" }).getByRole("listitem");
  await expect(fresh).toHaveCount(10);
  const recovery = (await fresh.first().textContent())!.trim();

  // Off: a wrong password is refused next to its field; then the password and one of the new recovery codes.
  await page.getByRole("button", { name: "关闭两步验证" }).click();
  const offForm = page.getByRole("form", { name: "关闭两步验证" });
  await offForm.getByLabel("登录密码").fill("Not-The-Password-1");
  await offForm.getByLabel("验证码或恢复码").fill(recovery);
  await offForm.getByRole("button", { name: "确认关闭" }).click();
  await expect(offForm.getByText("密码不正确").first()).toBeVisible();
  await expect(state).toContainText("两步验证已启用");
  await offForm.getByLabel("登录密码").fill(user.password);
  await offForm.getByLabel("验证码或恢复码").fill(recovery);
  await offForm.getByRole("button", { name: "确认关闭" }).click();
  await expect(state).toHaveText("两步验证未启用：登录只需密码。");
});
