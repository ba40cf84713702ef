// Integration: a supplement series (增刊) is numbered on its own beside the
// regular issues of the same publication, and readers find it at s{number}.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { loadDemo } from "@/lib/demo/load-demo";
import { findUserByEmail } from "@/lib/users/users";
import { viewerFromUser } from "@/lib/auth/viewer";
import { anonymous, type Viewer } from "@/lib/auth/permissions";
import { createArticle, transitionArticle } from "@/lib/articles/mutations";
import { publicationAtomFeed, sitemapEntries } from "@/lib/feeds/feeds";
import { searchArticles } from "@/lib/search/search";
import { issueNumberSegment, issuePath, parseIssueNumberSegment } from "./issue-path";
import { createIssue, getIssue, listIssues, setIssueLayout, suggestIssueNumbers, updateIssue } from "./assembly";
import { publishCheckedIssue, withdrawIssue } from "./lifecycle";
import { getReaderIssue, listPublishedIssues } from "./reader";
import { issueRefOfPath, isIssueWithdrawn } from "./reader-gone";
import { requestSignoff, signoffIssue } from "./signoff";

let db: TestDb;
let editor: Viewer, liaocheng: Viewer, leader: Viewer;
beforeAll(async () => {
  db = await createTestDb();
  await loadDemo({ password: "demo-password-1" });
  const v = async (email: string) => viewerFromUser((await findUserByEmail(email))!);
  [editor, liaocheng, leader] = await Promise.all([v("editor@demo.local"), v("liaocheng@demo.local"), v("leader@demo.local")]);
});
afterAll(() => db?.drop());

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

async function publishedIssue(input: Record<string, unknown>, title: string, text: string) {
  const { id: articleId } = await createArticle(liaocheng, { title, body: doc(text) });
  await transitionArticle(liaocheng, articleId, "submit");
  await transitionArticle(editor, articleId, "accept");
  const issue = await createIssue(editor, { publication: "sdtp", ...input });
  await setIssueLayout(editor, issue.id, { sections: [{ heading: "增刊专栏", articleIds: [articleId] }] });
  const { version } = await getIssue(editor, issue.id);
  await updateIssue(editor, issue.id, { version, editorName: "刘栋" });
  // 增刊 are signed off like regular issues.
  await requestSignoff(editor, issue.id);
  await signoffIssue(leader, issue.id, { decision: "approve" });
  await publishCheckedIssue(editor, issue.id);
  return { ...issue, articleId };
}

describe("the {number} segment of reader URLs", () => {
  it("reads digits as a regular issue and s + digits as a supplement, nothing else", () => {
    expect(parseIssueNumberSegment("88")).toEqual({ series: "regular", number: 88 });
    expect(parseIssueNumberSegment("s1")).toEqual({ series: "supplement", number: 1 });
    for (const bad of ["", "s", "S1", "1s", "s-1", "ss1", "1234567", "s1234567", "x1", "s1.5"]) expect(parseIssueNumberSegment(bad), bad).toBeNull();
    expect(issueNumberSegment({ number: 88, series: "regular" })).toBe("88");
    expect(issueNumberSegment({ number: 2, series: "supplement" })).toBe("s2");
    expect(issuePath("sdtp", { year: 2017, number: 1, series: "supplement" })).toBe("/p/sdtp/2017/s1");
    expect(issuePath("sdtp", { year: 2017, number: 88 })).toBe("/p/sdtp/2017/88");
  });

  it("carries the series in the withdrawn check's path", () => {
    expect(issueRefOfPath("/p/sdtp/2017/s1")).toEqual({ slug: "sdtp", year: 2017, number: 1, series: "supplement" });
    expect(issueRefOfPath("/p/sdtp/2017/s1/print")).toEqual({ slug: "sdtp", year: 2017, number: 1, series: "supplement" });
    expect(issueRefOfPath("/p/sdtp/2017/s1/a/7")).toEqual({ slug: "sdtp", year: 2017, number: 1, series: "supplement" });
    for (const path of ["/p/sdtp/2017/s", "/p/sdtp/2017/S1", "/p/sdtp/2017/s1/issue.docx", "/p/sdtp/2017/1s"]) expect(issueRefOfPath(path), path).toBeNull();
  });
});

describe("supplements", () => {
  it("are numbered separately from the regular issues, without a total number", async () => {
    expect(await suggestIssueNumbers(editor, "sdtp", 2017, "supplement")).toMatchObject({ year: 2017, number: 1 });
    const s1 = await createIssue(editor, { publication: "sdtp", year: 2017, series: "supplement" });
    expect(s1).toMatchObject({ year: 2017, number: 1, totalNumber: null, status: "draft" });
    const s2 = await createIssue(editor, { publication: "sdtp", year: 2017, series: "supplement" });
    expect(s2).toMatchObject({ number: 2, totalNumber: null });
    // The regular series goes on as if there were no supplements: after 2017/88 (总第225期) comes 89 / 226.
    expect(await suggestIssueNumbers(editor, "sdtp", 2017)).toMatchObject({ number: 89, totalNumber: 226 });
    const regular = await createIssue(editor, { publication: "sdtp", year: 2017 });
    expect(regular).toMatchObject({ number: 89, totalNumber: 226 });
    expect(await suggestIssueNumbers(editor, "sdtp", 2017, "supplement")).toMatchObject({ number: 3 });
    expect(await suggestIssueNumbers(editor, "sdtp", 2018, "supplement")).toMatchObject({ year: 2018, number: 1 });
    // A taken supplement number is refused with the next free supplement number.
    await expect(createIssue(editor, { publication: "sdtp", year: 2017, number: 1, series: "supplement" })).rejects.toMatchObject({
      code: "conflict",
      message: "期号已被使用。下一个可用的是2017年增刊第3期",
      details: { suggestion: { year: 2017, number: 3 } },
    });
    const titles = (await listIssues(editor)).map((i) => i.title);
    expect(titles).toEqual(expect.arrayContaining(["山东脱贫攻坚简报2017年增刊第1期", "山东脱贫攻坚简报2017年增刊第2期", "山东脱贫攻坚简报2017年第89期(总第226期)"]));
    expect((await getIssue(editor, s1.id)).title).toBe("山东脱贫攻坚简报2017年增刊第1期");
  });

  it("are read by series: s{number} finds the supplement, the plain number the regular issue", async () => {
    const a = await publishedIssue({ year: 2019, series: "supplement" }, "增刊首篇", "增刊里的扶贫车间经验。");
    const b = await publishedIssue({ year: 2019, series: "supplement" }, "增刊次篇", "增刊第二期的内容。");
    const r = await publishedIssue({ year: 2019 }, "正刊文章", "正刊第一期的内容。");
    expect([a.number, b.number, r.number]).toEqual([1, 2, 1]);

    const supplement = await getReaderIssue("sdtp", 2019, 1, "supplement");
    expect(supplement.snapshot).toMatchObject({ series: "supplement", number: 1, totalNumber: null, title: "山东脱贫攻坚简报2019年增刊第1期" });
    expect(supplement.snapshot.sections[0]!.articles.map((x) => x.id)).toEqual([a.articleId]);
    // prev/next stay within the series.
    expect(supplement.prev).toBeNull();
    expect(supplement.next).toMatchObject({ series: "supplement", year: 2019, number: 2, title: "山东脱贫攻坚简报2019年增刊第2期" });
    expect((await getReaderIssue("sdtp", 2019, 2, "supplement")).prev).toMatchObject({ series: "supplement", number: 1 });

    const regular = await getReaderIssue("sdtp", 2019, 1);
    expect(regular.snapshot).toMatchObject({ series: "regular", number: 1 });
    expect(regular.snapshot.sections[0]!.articles.map((x) => x.id)).toEqual([r.articleId]);
    expect(regular.prev).toMatchObject({ series: "regular", year: 2017, number: 88 });
    await expect(getReaderIssue("sdtp", 2019, 3, "supplement")).rejects.toMatchObject({ code: "not_found" });
    await expect(getReaderIssue("sdtp", 2019, 2)).rejects.toMatchObject({ code: "not_found" });

    // The archive lists them within their year; the regular list (the public API's) does not.
    const all = await listPublishedIssues("sdtp", 1000, { supplements: true });
    expect(all.filter((i) => i.year === 2019).map((i) => [i.series, i.number])).toEqual([
      ["regular", 1],
      ["supplement", 2],
      ["supplement", 1],
    ]);
    expect((await listPublishedIssues("sdtp")).every((i) => i.series === "regular")).toBe(true);

    // The feed and the sitemap carry supplements at their s-URLs.
    const xml = await publicationAtomFeed("sdtp", "https://x.cn");
    expect(xml).toContain("<id>https://x.cn/p/sdtp/2019/s1</id>");
    expect(xml).toContain("山东脱贫攻坚简报2019年增刊第1期");
    expect(xml).toContain(`https://x.cn/p/sdtp/2019/s2#article-${b.articleId}`);
    expect((await sitemapEntries()).map((e) => e.path)).toEqual(expect.arrayContaining(["/p/sdtp/2019/s1", "/p/sdtp/2019/s2", "/p/sdtp/2019/1"]));

    // Search links to the supplement's own URL.
    const found = await searchArticles(anonymous, { q: "扶贫车间经验" });
    expect(found.results.find((x) => x.articleId === a.articleId)).toMatchObject({ url: `/p/sdtp/2019/s1#article-${a.articleId}`, series: "supplement" });

    // Withdrawing the supplement leaves the regular issue of the same number alone.
    await withdrawIssue(editor, a.id, { reason: "内容有误" });
    expect(await isIssueWithdrawn({ slug: "sdtp", year: 2019, number: 1, series: "supplement" })).toBe(true);
    expect(await isIssueWithdrawn({ slug: "sdtp", year: 2019, number: 1, series: "regular" })).toBe(false);
    expect((await sitemapEntries()).map((e) => e.path)).not.toContain("/p/sdtp/2019/s1");
    expect(await publicationAtomFeed("sdtp", "https://x.cn")).not.toContain("2019/s1<");
    await expect(getReaderIssue("sdtp", 2019, 1, "supplement")).rejects.toMatchObject({ code: "gone", details: { reason: "内容有误" } });
    expect((await getReaderIssue("sdtp", 2019, 1)).snapshot.series).toBe("regular");
  });
});
