// Errors in the asker's language: the API by Accept-Language (a token or no
// sign-in) and the desks by the language chosen there; Chinese stays the default.
import { test, expect, createUser } from "./fixtures";
import { E2E } from "./env";

const EN = { "accept-language": "en-US,en;q=0.9" };
const ZH = { "accept-language": "zh-CN,zh;q=0.9" };

test("a 404 from the API is in English for Accept-Language: en and in Chinese otherwise", async ({ request }) => {
  const url = "/api/v1/publications/no-such-publication/issues";
  const en = await request.get(url, { headers: EN });
  expect(en.status()).toBe(404);
  expect(await en.json()).toEqual({ error: { code: "not_found", message: "Publication not found" } });
  for (const headers of [ZH, {}]) {
    const zh = await request.get(url, { headers });
    expect(await zh.json()).toEqual({ error: { code: "not_found", message: "刊物不存在" } });
  }
  const unknown = await request.get("/api/v1/no-such-endpoint", { headers: EN });
  expect(await unknown.json()).toEqual({ error: { code: "not_found", message: "No such endpoint" } });
});

test("a 422 from the API says the message and its fields in the asker's language", async ({ request }) => {
  const user = await createUser("contributor", { unit: "省司法厅" });
  const { token } = await (await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password } })).json();
  const auth = { authorization: `Bearer ${token}` };
  const title = ["一", "二", "三", "四", "五"].join("\n");

  const en = await request.post("/api/v1/articles", { headers: { ...auth, ...EN }, data: { title } });
  expect(en.status()).toBe(422);
  expect(await en.json()).toEqual({ error: { code: "invalid", message: "A title has at most 4 lines", fields: { title: ["A title has at most 4 lines"] } } });
  const zh = await request.post("/api/v1/articles", { headers: { ...auth, ...ZH }, data: { title } });
  expect(await zh.json()).toEqual({ error: { code: "invalid", message: "标题最多 4 行", fields: { title: ["标题最多 4 行"] } } });

  // Field messages a schema gives are translated too.
  const emptyEn = await request.post("/api/v1/auth/password", { headers: { ...auth, ...EN }, data: { currentPassword: "", newPassword: "x" } });
  expect(emptyEn.status()).toBe(422);
  expect((await emptyEn.json()).error.fields.currentPassword).toEqual(["Please enter your current password"]);
  const emptyZh = await request.post("/api/v1/auth/password", { headers: auth, data: { currentPassword: "", newPassword: "x" } });
  expect((await emptyZh.json()).error.fields.currentPassword).toEqual(["请填写当前密码"]);
});

test("a desk in English shows a server action's error in English, a desk in Chinese in Chinese", async ({ page, context, loginAs }) => {
  await loginAs("editor");
  const tryWrongPassword = async () => {
    await page.goto("/change-password");
    await page.locator('input[name="current"]').fill("not-my-password-1A!");
    await page.locator('input[name="password"]').fill("Another-Passw0rd-2024");
    await page.locator('input[name="confirm"]').fill("Another-Passw0rd-2024");
    await page.locator('button[type="submit"]').click();
  };
  await tryWrongPassword();
  await expect(page.getByText("当前密码不正确").first()).toBeVisible();

  await context.addCookies([{ name: "locale", value: "en", url: E2E.baseURL }]);
  await tryWrongPassword();
  await expect(page.getByText("The current password is wrong").first()).toBeVisible();
  await expect(page.getByText("当前密码不正确")).toHaveCount(0);
});
