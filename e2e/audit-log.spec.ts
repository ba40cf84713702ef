// The audit log as an admin reads it: every action and target type by its
// label in the admin's language — never the raw key — and the details as
// readable lines rather than JSON.
import type { APIRequestContext } from "@playwright/test";
import { test, expect, createUser } from "./fixtures";
import { E2E } from "./env";
import { makePng } from "../testing/png";

async function bearer(request: APIRequestContext, role: "editor" | "contributor", unit?: string) {
  const user = await createUser(role, unit ? { unit } : {});
  const res = await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password } });
  expect(res.status()).toBe(200);
  return { user, headers: { authorization: `Bearer ${(await res.json()).token}` } };
}

test("the audit log names actions and targets in the admin's language and shows details as lines", async ({ page, context, loginAs, request }) => {
  const contributor = await bearer(request, "contributor", "威海市扶贫办");
  const editor = await bearer(request, "editor");
  const created = await request.post("/api/v1/articles", { headers: contributor.headers, data: { title: "审计日志测试", html: "<p>正文。</p>" } });
  const { id } = await created.json();
  expect((await request.post(`/api/v1/articles/${id}/submit`, { headers: contributor.headers })).status()).toBe(200);
  expect((await request.post(`/api/v1/articles/${id}/return`, { headers: editor.headers, data: { comment: "请补充第二段的数据。" } })).status()).toBe(200);
  const upload = await request.post("/api/v1/media", { headers: contributor.headers, multipart: { file: { name: "map.png", mimeType: "image/png", buffer: makePng() } } });
  expect(upload.status()).toBe(201);

  await loginAs("admin");
  await page.goto(`/workspace/admin/audit?actor=${editor.user.id}`);
  const table = page.getByRole("table", { name: "审计日志" });
  const returned = table.getByRole("row").filter({ hasText: "退回修改" });
  await expect(returned).toHaveCount(1);
  await expect(returned.getByRole("cell").nth(3)).toHaveText(`稿件 ${id}`);
  await expect(returned.getByTestId("audit-details")).toHaveText("意见：请补充第二段的数据。");
  await expect(table).not.toContainText("article.");

  await page.goto(`/workspace/admin/audit?actor=${contributor.user.id}`);
  const rows = table.getByRole("row");
  await expect(rows.filter({ hasText: "提交审核" })).toHaveCount(1);
  const image = rows.filter({ hasText: "上传图片" });
  await expect(image).toHaveCount(1);
  await expect(image.getByRole("link", { name: /^图片 [0-9a-f]{10}…$/ })).toHaveAttribute("href", /^\/media\/[0-9a-f]{64}$/);
  await expect(image.getByTestId("audit-details")).toHaveText(/^类型：image\/png大小（字节）：\d+$/);
  for (const raw of ["article.", "media.", "{", "\"mime\""]) await expect(table).not.toContainText(raw);
  // The filters read the same way.
  const action = page.getByRole("combobox", { name: "操作" });
  await expect(action.locator("option", { hasText: "稿件：全部操作" })).toHaveCount(1);
  await expect(action.locator("option", { hasText: "article." })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "对象类型" }).locator("option", { hasText: "图片" })).toHaveCount(1);
  // The details column is wide enough to read.
  expect((await image.getByTestId("audit-details").boundingBox())!.width).toBeGreaterThanOrEqual(200);
  await page.screenshot({ path: "test-results/screenshots/audit-log.png", fullPage: true });

  // And in English.
  await context.addCookies([{ name: "locale", value: "en", url: E2E.baseURL }]);
  await page.goto(`/workspace/admin/audit?actor=${contributor.user.id}`);
  const english = page.getByRole("table", { name: "Audit log" });
  await expect(english.getByRole("row").filter({ hasText: "Uploaded image" }).getByTestId("audit-details")).toHaveText(/^Type: image\/pngSize \(bytes\): \d+$/);
  await expect(english.getByRole("row").filter({ hasText: "Submitted article" })).toHaveCount(1);
  await expect(english).not.toContainText("media.");
});
