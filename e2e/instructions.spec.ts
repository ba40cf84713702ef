// 批示, 落实反馈 and 上级采用 (issue 16) through the real UI: a signer records
// a provincial 批示 (with the scan) on a published article from the 批示台账;
// the unit's contributor sees it on the desk and reports 落实反馈 with an
// attachment; the ledger shows it answered; an editor records an upstream
// adoption on the article's page. Then the API: bad input named by field,
// another unit refused, and nothing of it public.
import fs from "node:fs";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { test, expect, createUser, type TestUser } from "./fixtures";
import { desk, publishedIssue, tokenFor, type World } from "./signoff-world";
import { makePng } from "../testing/png";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

test("a signer records a 批示, the unit answers with 落实反馈, the ledger shows it answered, an editor records an adoption", async ({ browser, request }) => {
  test.setTimeout(240_000);
  fs.mkdirSync("test-results/screenshots", { recursive: true });
  const stamp = `i${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const admin = await tokenFor(request, await createUser("admin"));
  const name = `批示简报${stamp}`;
  expect((await request.post("/api/v1/publications", { headers: admin, data: { slug: stamp, name, issuingBody: "宣传信息组" } })).status()).toBe(201);
  const [signerUser, editorUser, contributorUser] = await Promise.all([createUser("signer"), createUser("editor"), createUser("contributor")]);
  const w: World = {
    slug: stamp,
    name,
    admin,
    editor: await tokenFor(request, editorUser),
    signer: await tokenFor(request, signerUser),
    signerUser,
    contributor: await tokenFor(request, contributorUser),
  };
  const issue = await publishedIssue(request, w, 2037);
  const articleId = issue.articleIds[0]!;
  const title = "签发测试甲稿2037";

  // —— The signer records a provincial 批示 from the ledger, with the scan ——
  const signer = await desk(browser, signerUser);
  await signer.goto("/workspace");
  await signer.getByRole("navigation", { name: "工作台导航" }).getByRole("link", { name: "批示台账" }).click();
  await expect(signer.getByRole("heading", { name: "批示台账", level: 1 })).toBeVisible();
  const form = signer.getByTestId("instruction-form");
  const articleChoice = form.getByRole("combobox", { name: "稿件" });
  await articleChoice.selectOption({ label: `${name}2037年第${issue.number}期 · ${title}（${await unitName(request, w, articleId)}）` });
  await expect(articleChoice).toHaveValue(String(articleId));
  // The same from the issue on the signer's desk: its articles lead to the form with the article chosen.
  await signer.goto(`/workspace/signoff/${issue.id}`);
  await signer.getByTestId("record-instruction-links").getByRole("link", { name: title }).click();
  await expect(signer).toHaveURL(new RegExp(`/workspace/instructions\\?article=${articleId}#record$`));
  await expect(articleChoice).toHaveValue(String(articleId));
  await form.getByRole("textbox", { name: "批示领导" }).fill("王某某（副省长）");
  await form.getByRole("combobox", { name: "级别" }).selectOption({ label: "省级" });
  // Without the text: refused, the field named, nothing recorded.
  await form.getByRole("button", { name: "记录批示" }).click();
  await expect(form.getByRole("alert")).toContainText("批示信息有误");
  await expect(form.getByText("请填写批示内容")).toBeVisible();
  await form.getByRole("textbox", { name: "批示内容" }).fill("聊城的做法很好，请省扶贫办认真总结，在全省推广。");
  await form.getByLabel("批示件扫描（可选）").setInputFiles({ name: "批示件.png", mimeType: "image/png", buffer: makePng(120, 80) });
  await form.getByRole("button", { name: "记录批示" }).click();
  await expect(form.getByRole("status")).toContainText("批示已记录");
  const row = signer.getByTestId("instruction-row").filter({ hasText: "王某某（副省长）" });
  await expect(row).toContainText("省级");
  await expect(row).toContainText(title);
  await expect(row.getByTestId("feedback-state")).toHaveText("待反馈");

  // —— The unit's contributor sees it on the desk and answers ——
  const contributor = await desk(browser, contributorUser);
  await contributor.goto("/workspace");
  const awaiting = contributor.getByTestId("awaiting-instructions");
  await expect(awaiting).toContainText("待落实反馈的批示");
  await expect(awaiting.getByTestId("awaiting-instruction")).toContainText("王某某（副省长）");
  await expect(awaiting).toContainText(`《${title}》`);
  await expect(contributor.getByRole("region", { name: "通知" })).toContainText(`领导批示：王某某（副省长）（省级）对《${title}》作出批示`);
  await contributor.screenshot(shot("instructions-contributor-desk"));
  await awaiting.getByRole("link", { name: "撰写落实反馈" }).click();
  await expect(contributor).toHaveURL(new RegExp(`/workspace/articles/${articleId}#instruction-`));
  const instruction = contributor.getByTestId("instruction").filter({ hasText: "王某某（副省长）" });
  await expect(instruction).toContainText("聊城的做法很好");
  const editorBox = instruction.getByRole("textbox", { name: "落实情况" });
  await editorBox.click();
  await contributor.keyboard.insertText("已召开专题会议研究落实，形成经验材料报省扶贫办。");
  await instruction.getByLabel("附件（可选，图片或 PDF）").setInputFiles({ name: "落实情况报告.pdf", mimeType: "application/pdf", buffer: PDF });
  await instruction.getByRole("button", { name: "报送落实反馈" }).click();
  await expect(instruction.getByTestId("feedback")).toContainText("已召开专题会议研究落实");
  await expect(instruction.getByRole("link", { name: "落实情况报告.pdf" })).toBeVisible();
  await expect(instruction.getByTestId("feedback-state")).toContainText("已反馈");
  await contributor.screenshot(shot("instructions-contributor-article"));
  await contributor.goto("/workspace");
  await expect(contributor.getByTestId("awaiting-instructions")).toHaveCount(0);

  // —— The ledger shows it answered, with the date ——
  await signer.reload();
  await expect(row.getByTestId("feedback-state")).toContainText(/已反馈 \d{4}-\d{2}-\d{2}/);
  await signer.screenshot(shot("instructions-ledger"));
  // Filtered by level: not among the county ones, among the provincial, answered.
  const levels = signer.getByRole("navigation", { name: "按级别筛选" });
  await levels.getByRole("link", { name: "县级" }).click();
  await expect(levels.getByRole("link", { name: "县级" })).toHaveAttribute("aria-current", "page");
  await expect(row).toHaveCount(0);
  await levels.getByRole("link", { name: "省级" }).click();
  await expect(row.getByTestId("feedback-state")).toContainText("已反馈");
  await signer.getByRole("navigation", { name: "按反馈状态筛选" }).getByRole("link", { name: "待反馈" }).click();
  await expect(signer).toHaveURL(/state=awaiting&level=provincial/);
  await expect(row).toHaveCount(0);

  // —— An editor records the upstream adoption on the article's page ——
  const editor = await desk(browser, editorUser);
  await editor.goto(`/workspace/articles/${articleId}`);
  const followUp = editor.getByTestId("article-follow-up");
  await expect(followUp.getByTestId("instruction")).toContainText("王某某（副省长）");
  const adoption = followUp.getByTestId("adoption-form");
  await adoption.getByRole("textbox", { name: "采用单位" }).fill("省政府办公厅");
  await adoption.getByRole("combobox", { name: "级别" }).selectOption({ label: "省级" });
  await adoption.getByRole("textbox", { name: "刊用情况（可选）" }).fill("《政务信息》第12期");
  await adoption.getByRole("button", { name: "记录上级采用" }).click();
  await expect(adoption.getByRole("status")).toContainText("上级采用已记录");
  await expect(followUp.getByTestId("adoption")).toContainText("省政府办公厅");
  await expect(followUp.getByTestId("adoption")).toContainText("《政务信息》第12期");
  await editor.screenshot(shot("instructions-editor-article"));

  // —— The API lists both on the article ——
  const got = await (await request.get(`/api/v1/articles/${articleId}`, { headers: w.editor })).json();
  expect(got.instructions).toEqual([expect.objectContaining({ leader: "王某某（副省长）", level: "provincial", state: "answered", overdue: false })]);
  expect(got.instructions[0].scan).toMatchObject({ name: "批示件.png", mime: "image/png" });
  expect(got.instructions[0].feedback[0].files).toEqual([expect.objectContaining({ name: "落实情况报告.pdf", mime: "application/pdf" })]);
  expect(got.adoptions).toEqual([expect.objectContaining({ by: "省政府办公厅", level: "provincial", note: "《政务信息》第12期" })]);
  // The scan: the unit and the desks may open it; signed out, nobody.
  const scanUrl = got.instructions[0].scan.url as string;
  expect((await request.get(scanUrl, { headers: w.contributor })).headers()["content-type"]).toBe("image/png");
  expect((await request.get(scanUrl, { headers: {} })).status()).toBe(401);

  // —— Nothing of it is public ——
  const reader = await (await request.get(`/p/${stamp}/2037/${issue.number}/a/${articleId}`, { headers: {} })).text();
  expect(reader).toContain(title);
  expect(reader).not.toContain("王某某");
  expect(reader).not.toContain("省政府办公厅");
  const publicIssue = await (await request.get(`/api/v1/publications/${stamp}/issues/2037/${issue.number}`, { headers: {} })).text();
  expect(publicIssue).not.toContain("王某某");
  expect((await request.get("/api/v1/instructions", { headers: {} })).status()).toBe(401);
});

test("bad input over HTTP: each refused with the field named; another unit cannot answer; files are checked by content", async ({ request }) => {
  test.setTimeout(120_000);
  const stamp = `j${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const admin = await tokenFor(request, await createUser("admin"));
  expect((await request.post("/api/v1/publications", { headers: admin, data: { slug: stamp, name: `批示简报${stamp}`, issuingBody: "宣传信息组" } })).status()).toBe(201);
  const signerUser: TestUser = await createUser("signer");
  const w: World = {
    slug: stamp,
    name: `批示简报${stamp}`,
    admin,
    editor: await tokenFor(request, await createUser("editor")),
    signer: await tokenFor(request, signerUser),
    signerUser,
    contributor: await tokenFor(request, await createUser("contributor")),
  };
  const other = await tokenFor(request, await createUser("contributor", { unit: "威海市扶贫办" }));
  const issue = await publishedIssue(request, w, 2038);
  const articleId = issue.articleIds[0]!;
  const url = `/api/v1/articles/${articleId}/instructions`;
  const ok = { leader: "李某", level: "municipal", date: "2026-01-05", text: "请抓好落实。" };
  const fieldOf = async (res: APIResponse) => ({ status: res.status(), fields: Object.keys(((await res.json()) as { error?: { fields?: Record<string, string[]> } }).error?.fields ?? {}) });

  expect(await fieldOf(await request.post(url, { headers: w.signer, data: { ...ok, level: "district" } }))).toEqual({ status: 422, fields: ["level"] });
  expect(await fieldOf(await request.post(url, { headers: w.signer, data: { ...ok, date: "2999-01-01" } }))).toEqual({ status: 422, fields: ["date"] });
  expect(await fieldOf(await request.post(url, { headers: w.signer, data: { ...ok, text: "  " } }))).toEqual({ status: 422, fields: ["text"] });
  expect((await request.post(url, { headers: w.contributor, data: ok })).status()).toBe(403);
  // Not on an unpublished article.
  const draft = await (await request.post("/api/v1/articles", { headers: w.contributor, data: { title: "未刊发" } })).json();
  expect((await request.post(`/api/v1/articles/${draft.id}/instructions`, { headers: w.editor, data: ok })).status()).toBe(409);

  const made = await request.post(url, { headers: w.signer, data: ok });
  expect(made.status()).toBe(201);
  const { id } = await made.json();
  // Feedback: another unit → 404 (it does not exist for them); an editor → 403; empty → 422 naming text.
  expect((await request.post(`/api/v1/instructions/${id}/feedback`, { headers: other, data: { text: "已落实" } })).status()).toBe(404);
  expect((await request.post(`/api/v1/instructions/${id}/feedback`, { headers: w.editor, data: { text: "已落实" } })).status()).toBe(403);
  expect(await fieldOf(await request.post(`/api/v1/instructions/${id}/feedback`, { headers: w.contributor, data: { text: "<p> </p>" } }))).toEqual({ status: 422, fields: ["text"] });
  // A file that is not an image or a PDF, whatever it is called.
  const fake = await request.post("/api/v1/instruction-files", { headers: w.contributor, multipart: { file: { name: "报告.pdf", mimeType: "application/pdf", buffer: Buffer.from("<script>alert(1)</script>") } } });
  expect(await fieldOf(fake)).toEqual({ status: 422, fields: ["file"] });
  const answered = await request.post(`/api/v1/instructions/${id}/feedback`, { headers: w.contributor, data: { text: "<p>已落实<script>alert(1)</script></p>" } });
  expect(answered.status()).toBe(201);
  const list = await (await request.get("/api/v1/instructions?state=answered", { headers: w.signer })).json();
  const entry = list.instructions.find((i: { id: number }) => i.id === id);
  expect(entry.feedback[0].html).toBe("<p>已落实</p>");
  // Adoptions: editors only; a bad level named.
  expect((await request.post(`/api/v1/articles/${articleId}/adoptions`, { headers: w.signer, data: { by: "省政府办公厅", level: "provincial", date: "2026-01-06" } })).status()).toBe(403);
  expect(await fieldOf(await request.post(`/api/v1/articles/${articleId}/adoptions`, { headers: w.editor, data: { by: "省政府办公厅", level: "x", date: "2026-01-06" } }))).toEqual({ status: 422, fields: ["level"] });
  expect((await request.post(`/api/v1/articles/${articleId}/adoptions`, { headers: w.editor, data: { by: "省政府办公厅", level: "provincial", date: "2026-01-06" } })).status()).toBe(201);
});

async function unitName(request: APIRequestContext, w: World, articleId: number): Promise<string> {
  const a = await (await request.get(`/api/v1/articles/${articleId}`, { headers: w.editor })).json();
  return a.unit as string;
}
