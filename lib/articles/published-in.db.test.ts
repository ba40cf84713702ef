// Integration: a contributor learns where their article ran — on the article and in the notice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { loadDemo } from "@/lib/demo/load-demo";
import { findUserByEmail } from "@/lib/users/users";
import { viewerFromUser } from "@/lib/auth/viewer";
import { requestSignoff, signoffIssue } from "@/lib/issues/signoff";
import type { Viewer } from "@/lib/auth/permissions";
import { createIssue, setIssueLayout, updateIssue } from "@/lib/issues/assembly";
import { publishCheckedIssue, withdrawIssue } from "@/lib/issues/lifecycle";
import { listNotifications } from "@/lib/notifications/notifications";
import { getArticle, listArticles } from "./articles";
import { createArticle, transitionArticle } from "./mutations";

let db: TestDb;
let liaocheng: Viewer, editor: Viewer;
beforeAll(async () => {
  db = await createTestDb();
  await loadDemo({ password: "demo-password-1" });
  const v = async (email: string) => viewerFromUser((await findUserByEmail(email))!);
  [liaocheng, editor] = await Promise.all([v("liaocheng@demo.local"), v("editor@demo.local")]);
});
afterAll(() => db?.drop());

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

describe("where an article ran", () => {
  it("names the seed issue on the 聊城 article", async () => {
    const [own] = await listArticles(liaocheng);
    const article = await getArticle(liaocheng, own!.id);
    expect(article.publishedIn).toEqual({
      publication: "山东脱贫攻坚简报",
      slug: "sdtp",
      year: 2017,
      number: 88,
      series: "regular",
      totalNumber: 225,
      path: `/p/sdtp/2017/88/a/${own!.id}`,
    });
  });

  it("is null before publication, and the author gets a 稿件已刊发 notice naming the issue when it is published", async () => {
    const { id } = await createArticle(liaocheng, { title: "刊发通知\n第二行", body: doc("正文。") });
    await transitionArticle(liaocheng, id, "submit");
    await transitionArticle(editor, id, "accept");
    expect((await getArticle(liaocheng, id)).publishedIn).toBeNull();

    const issue = await createIssue(editor, { publication: "sdtp" });
    await setIssueLayout(editor, issue.id, { sections: [{ heading: "工作动态", articleIds: [id] }] });
    await updateIssue(editor, issue.id, { version: 2, editorName: "刘栋" });
    // 签发 first: the demo publication requires it.
    await requestSignoff(editor, issue.id);
    await signoffIssue(viewerFromUser((await findUserByEmail("leader@demo.local"))!), issue.id, { decision: "approve" });
    await publishCheckedIssue(editor, issue.id);

    const ran = { publication: "山东脱贫攻坚简报", year: issue.year, number: issue.number, path: `/p/sdtp/${issue.year}/${issue.number}/a/${id}` };
    expect((await getArticle(liaocheng, id)).publishedIn).toMatchObject(ran);
    const [notice] = await listNotifications(liaocheng);
    expect(notice).toMatchObject({ articleId: id, type: "published", message: "稿件已刊发：《刊发通知第二行》", publishedIn: ran });

    // A withdrawn issue no longer counts as where the article ran.
    await withdrawIssue(editor, issue.id, { reason: "测试撤回" });
    expect((await getArticle(liaocheng, id)).publishedIn).toBeNull();
  });
});
