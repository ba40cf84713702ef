// A supplement series (增刊): created through the form, numbered apart from the
// regular issues of the same publication, read at /p/{slug}/{year}/s{number}.
import type { APIRequestContext } from "@playwright/test";
import { test, expect, createUser, type TestUser } from "./fixtures";

async function tokenFor(request: APIRequestContext, user: TestUser) {
  const res = await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password } });
  expect(res.status()).toBe(200);
  return { authorization: `Bearer ${(await res.json()).token}` };
}

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

test.describe("supplements (增刊)", () => {
  test("an editor creates a 增刊 through the form; readers find it at s1, numbered apart from the regular issues; withdrawn it is 410", async ({
    page,
    request,
    loginAs,
  }) => {
    const slug = `zk${Date.now().toString(36)}`;
    const name = `增刊测试简报${slug}`;
    const admin = await tokenFor(request, await createUser("admin"));
    expect((await request.post("/api/v1/publications", { headers: admin, data: { slug, name, issuingBody: "宣传信息组" } })).status()).toBe(201);

    // One accepted article, waiting to be laid out.
    const contributor = await tokenFor(request, await createUser("contributor", { unit: "聊城市扶贫办" }));
    const created = await request.post("/api/v1/articles", { headers: contributor, data: { title: "增刊里的一篇稿件", body: doc("增刊正文：扶贫车间的做法。") } });
    expect(created.status()).toBe(201);
    const { id: articleId } = (await created.json()) as { id: number };
    expect((await request.post(`/api/v1/articles/${articleId}/submit`, { headers: contributor })).status()).toBe(200);

    const editorUser = await loginAs("editor");
    const editor = await tokenFor(request, editorUser);
    expect((await request.post(`/api/v1/articles/${articleId}/accept`, { headers: editor })).status()).toBe(200);

    // The form: choosing 增刊 offers its own next number (1) and no total number.
    await page.goto("/workspace/issues");
    const form = page.getByRole("form", { name: "新建一期" });
    await form.getByRole("combobox", { name: "刊物" }).selectOption(slug);
    await expect(form.getByRole("spinbutton", { name: "总第几期", exact: true })).toBeVisible();
    await form.getByRole("combobox", { name: "类别" }).selectOption({ label: "增刊" });
    await expect(form.getByRole("spinbutton", { name: "第几期", exact: true })).toHaveValue("1");
    await expect(form.getByRole("spinbutton", { name: "总第几期", exact: true })).toHaveCount(0);
    await form.screenshot({ path: "test-results/screenshots/supplement-form.png" });
    const year = Number(await form.getByRole("spinbutton", { name: "年份", exact: true }).inputValue());
    expect(year).toBeGreaterThan(2000);
    await form.getByRole("button", { name: "新建一期" }).click();
    const title = `${name}${year}年增刊第1期`;
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    const issueId = Number(/\/workspace\/issues\/(\d+)$/.exec(page.url())![1]);

    // Laid out, signed and published through the API.
    expect((await request.put(`/api/v1/issues/${issueId}/layout`, { headers: editor, data: { sections: [{ heading: "专题", articleIds: [articleId] }] } })).status()).toBe(200);
    const { version } = (await (await request.get(`/api/v1/issues/${issueId}`, { headers: editor })).json()) as { version: number };
    expect((await request.patch(`/api/v1/issues/${issueId}`, { headers: editor, data: { version, editorName: "刘栋" } })).status()).toBe(200);
    // 增刊 are signed off (签发) like regular issues.
    const signer = await tokenFor(request, await createUser("signer"));
    expect((await request.post(`/api/v1/issues/${issueId}/request-signoff`, { headers: editor })).status()).toBe(200);
    expect((await request.post(`/api/v1/issues/${issueId}/signoff`, { headers: signer, data: { decision: "approve" } })).status()).toBe(200);
    expect((await request.post(`/api/v1/issues/${issueId}/publish`, { headers: editor })).status()).toBe(200);

    // The regular series of the same year still starts at 1, with total number 1.
    const regular = await request.post("/api/v1/issues", { headers: editor, data: { publication: slug, year } });
    expect(regular.status()).toBe(201);
    expect(await regular.json()).toMatchObject({ year, number: 1, totalNumber: 1 });

    // A reader: the archive lists it under its year, marked 增刊, linking to the s-URL.
    await page.context().clearCookies();
    await page.goto(`/p/${slug}`);
    const yearSection = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: `${year}年` }) });
    const entry = yearSection.getByRole("listitem").filter({ hasText: title });
    await expect(entry).toContainText("增刊");
    await page.screenshot({ path: "test-results/screenshots/supplement-archive.png", fullPage: true });
    const link = entry.getByRole("link", { name: title, exact: true });
    await expect(link).toHaveAttribute("href", `/p/${slug}/${year}/s1`);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/p/${slug}/${year}/s1$`));
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText("增刊正文：扶贫车间的做法。")).toBeVisible();

    const base = `/p/${slug}/${year}/s1`;
    const issuePage = await request.get(base);
    expect(issuePage.status()).toBe(200);
    expect(await issuePage.text()).toContain(title);
    const print = await request.get(`${base}/print`);
    expect(print.status()).toBe(200);
    expect(await print.text()).toContain("增刊第1期");
    const permalink = await request.get(`${base}/a/${articleId}`);
    expect(permalink.status()).toBe(200);
    expect(await permalink.text()).toContain("增刊里的一篇稿件");
    const docx = await request.get(`${base}/issue.docx`);
    expect(docx.status()).toBe(200);
    expect(docx.headers()["content-type"]).toContain("wordprocessingml");
    const api = await request.get(`/api/v1/publications/${slug}/issues/${year}/s1`);
    expect(api.status()).toBe(200);
    expect(await api.json()).toMatchObject({ publication: slug, year, number: 1, totalNumber: null, title });
    // The regular issue 1 is a draft: its URL is not the supplement's.
    expect((await request.get(`/p/${slug}/${year}/1`)).status()).toBe(404);
    expect((await request.get(`/p/${slug}/${year}/s2`)).status()).toBe(404);

    // Withdrawn, the supplement is gone (410) at its own URLs.
    expect((await request.post(`/api/v1/issues/${issueId}/withdraw`, { headers: editor, data: { reason: "内容需核实" } })).status()).toBe(200);
    const gone = await request.get(base);
    expect(gone.status()).toBe(410);
    expect(await gone.text()).toContain("内容需核实");
    expect((await request.get(`${base}/print`)).status()).toBe(410);
    expect((await request.get(`${base}/a/${articleId}`)).status()).toBe(410);
    expect((await request.get(`/api/v1/publications/${slug}/issues/${year}/s1`)).status()).toBe(410);
  });
});
