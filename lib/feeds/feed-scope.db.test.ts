// Regression: a publication's feed lists its own issues only, each with its own snapshot.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { loadDemo } from "@/lib/demo/load-demo";
import { getDb } from "@/db";
import { publications } from "@/db/schema";
import { systemViewer } from "@/lib/auth/permissions";
import { findUserByEmail } from "@/lib/users/users";
import { viewerFromUser } from "@/lib/auth/viewer";
import { createArticle, transitionArticle } from "@/lib/articles/mutations";
import { createIssue, setIssueLayout, updateIssue, getIssue } from "@/lib/issues/assembly";
import { publishCheckedIssue } from "@/lib/issues/lifecycle";
import { publicationAtomFeed } from "./feeds";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await loadDemo({ password: "demo-password-1" });
});
afterAll(() => db?.drop());

describe("publicationAtomFeed", () => {
  it("keeps to its publication when another one has published issues", async () => {
    // Sign-off is not the point here: this publication does without it.
    await (await getDb()).insert(publications).values({ slug: "other", name: "另一份简报", issuingBody: "别处", requiresSignoff: false });
    const editor = systemViewer("test");
    const contributor = viewerFromUser((await findUserByEmail("liaocheng@demo.local"))!);
    const { id } = await createArticle(contributor, { title: "别处的稿件", body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "正文" }] }] } });
    await transitionArticle(contributor, id, "submit");
    await transitionArticle(editor, id, "accept");
    const issue = await createIssue(editor, { publication: "other", year: 2031 });
    await setIssueLayout(editor, issue.id, { sections: [{ heading: "栏目", articleIds: [id] }] });
    await updateIssue(editor, issue.id, { version: (await getIssue(editor, issue.id)).version, editorName: "某人" });
    await publishCheckedIssue(editor, issue.id);
    const sdtp = await publicationAtomFeed("sdtp", "http://x");
    expect(sdtp).toContain("山东脱贫攻坚简报2017年第88期(总第225期)");
    expect(sdtp).not.toContain("另一份简报");
    const other = await publicationAtomFeed("other", "http://x");
    expect(other).toContain("另一份简报2031年第1期(总第1期)");
    expect(other).not.toContain("山东脱贫攻坚简报2017年第88期");
  });
});
