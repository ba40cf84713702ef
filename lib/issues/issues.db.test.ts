// Integration: issue numbering, layout, checks, publishing, scheduling, withdrawal and corrections.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { loadDemo } from "@/lib/demo/load-demo";
import { findUserByEmail } from "@/lib/users/users";
import { viewerFromUser } from "@/lib/auth/viewer";
import { systemViewer, type Viewer } from "@/lib/auth/permissions";
import { createArticle, transitionArticle } from "@/lib/articles/mutations";
import { getArticle } from "@/lib/articles/articles";
import { getDb } from "@/db";
import { issueSnapshots, publications } from "@/db/schema";
import { getReaderIssue } from "./reader";
import { addCorrection, signoffCorrection } from "./corrections";
import { cancelSchedule, checkIssue, publishCheckedIssue, restoreIssue, runDueSchedules, scheduleIssue, withdrawIssue } from "./lifecycle";
import { createIssue, getIssue, listUnplacedArticles, setIssueLayout, updateIssue } from "./assembly";
import { requestSignoff, signoffIssue } from "./signoff";
import { createIssueSchema, withdrawSchema, type Layout } from "./schemas";

let db: TestDb;
let editor: Viewer, liaocheng: Viewer, contributor: Viewer, leader: Viewer;
beforeAll(async () => {
  db = await createTestDb();
  await loadDemo({ password: "demo-password-1" });
  const v = async (email: string) => viewerFromUser((await findUserByEmail(email))!);
  [editor, liaocheng, contributor, leader] = await Promise.all([v("editor@demo.local"), v("liaocheng@demo.local"), v("weihai@demo.local"), v("leader@demo.local")]);
});
afterAll(() => db?.drop());

/** 签发: the demo publication requires it (the rules are tested in signoff.db.test.ts). */
async function signed(issueId: number) {
  await requestSignoff(editor, issueId);
  await signoffIssue(leader, issueId, { decision: "approve" });
}

const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

async function acceptedArticle(title: string, by: Viewer = liaocheng) {
  const { id } = await createArticle(by, { title, body: doc(`${title}的正文。`) });
  await transitionArticle(by, id, "submit");
  await transitionArticle(editor, id, "accept");
  return id;
}

describe("numbers", () => {
  it("offers the next free numbers and refuses taken ones with a suggestion", async () => {
    const first = await createIssue(editor, { publication: "sdtp", year: 2017 });
    expect(first).toMatchObject({ publication: "sdtp", year: 2017, number: 89, totalNumber: 226, status: "draft" });
    await expect(createIssue(editor, { publication: "sdtp", year: 2017, number: 88 })).rejects.toMatchObject({
      code: "conflict",
      details: { suggestion: { year: 2017, number: 90, totalNumber: 227 } },
    });
    const next2018 = await createIssue(editor, { publication: "sdtp", year: 2018 });
    expect(next2018).toMatchObject({ year: 2018, number: 1, totalNumber: 227 });
    await expect(createIssue(contributor, { publication: "sdtp" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createIssue(editor, { publication: "nope" })).rejects.toMatchObject({ code: "invalid" });
    // A number below 1 is refused at the route's boundary, naming the field.
    expect(createIssueSchema.safeParse({ publication: "sdtp", number: -1 }).error?.issues.map((i) => i.path)).toEqual([["number"]]);
  });

  it("gives 20 parallel creations 20 distinct, gap-free pairs", async () => {
    const d = await getDb();
    await d.insert(publications).values({ slug: "para", name: "并发简报", issuingBody: "测试组" });
    const created = await Promise.all(Array.from({ length: 20 }, () => createIssue(editor, { publication: "para", year: 2020 })));
    expect(created.map((c) => c.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(created.map((c) => c.totalNumber).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});

describe("assembly and publishing", () => {
  it("refuses bad layouts with the offending ids", async () => {
    const issue = await createIssue(editor, { publication: "sdtp", year: 2019 });
    const draft = (await createArticle(liaocheng, { title: "草稿", body: doc("x") })).id;
    const ok = await acceptedArticle("好稿");
    const bad = async (layout: Layout, ids: number[]) =>
      expect(setIssueLayout(editor, issue.id, layout)).rejects.toMatchObject({ code: "invalid", details: { articleIds: ids } });
    await bad({ sections: [{ heading: "栏目", articleIds: [ok, 999999] }] }, [999999]);
    await bad({ sections: [{ heading: "甲", articleIds: [ok] }, { heading: "乙", articleIds: [ok] }] }, [ok]);
    await bad({ sections: [{ heading: "栏目", articleIds: [draft] }] }, [draft]);
    const published = (await getReaderIssue("sdtp", 2017, 88)).snapshot.sections[0]!.articles[0]!.id;
    await bad({ sections: [{ heading: "栏目", articleIds: [published] }] }, [published]);
    await expect(setIssueLayout(editor, issue.id, { sections: [{ heading: "甲", articleIds: [] }, { heading: null, articleIds: [] }] })).rejects.toMatchObject({ code: "invalid" });
    await expect(setIssueLayout(contributor, issue.id, { sections: [] })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("assembles, checks, publishes once, and freezes what readers see", async () => {
    const issue = await createIssue(editor, { publication: "sdtp", year: 2021 });
    const a = await acceptedArticle("第一篇\n副题");
    const b = await acceptedArticle("第二篇", contributor);
    const c = await acceptedArticle("卷首稿");
    expect((await listUnplacedArticles(editor, "sdtp")).map((x) => x.id)).toEqual(expect.arrayContaining([a, b, c]));
    await setIssueLayout(editor, issue.id, { sections: [{ heading: null, articleIds: [c] }, { heading: "向深度贫困进军", articleIds: [b, a] }, { heading: "空栏目", articleIds: [] }] });
    const assembled = await getIssue(editor, issue.id);
    expect(assembled.sections.map((s) => [s.heading, s.articles.map((x) => x.id)])).toEqual([
      [null, [c]],
      ["向深度贫困进军", [b, a]],
      ["空栏目", []],
    ]);
    expect((await listUnplacedArticles(editor, "sdtp")).map((x) => x.id)).not.toContain(a);
    // 编辑 is the creating editor until the board names someone else.
    expect(assembled.editorName).toBe(editor.kind === "user" ? editor.name : "");
    expect((await checkIssue(editor, issue.id)).map((p) => p.code).sort()).toEqual(["empty_section", "year_mismatch"]); // a 2021 issue without a date
    await expect(publishCheckedIssue(editor, issue.id)).rejects.toMatchObject({ code: "not_signed" });
    await expect(requestSignoff(editor, issue.id)).rejects.toMatchObject({ code: "invalid", details: { checks: expect.any(Array) } });
    await setIssueLayout(editor, issue.id, { sections: [{ heading: null, articleIds: [c] }, { heading: "向深度贫困进军", articleIds: [a, b] }] });
    const { version } = await getIssue(editor, issue.id);
    await updateIssue(editor, issue.id, { version, editorName: "刘栋", publishedAt: "2021-03-01T09:30:00+08:00" });
    await expect(updateIssue(editor, issue.id, { version, note: "x" })).rejects.toMatchObject({ code: "conflict" });
    await signed(issue.id);
    const results = await Promise.allSettled([publishCheckedIssue(editor, issue.id), publishCheckedIssue(editor, issue.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const reader = await getReaderIssue("sdtp", 2021, issue.number);
    expect(reader.snapshot.title).toBe(`山东脱贫攻坚简报2021年第${issue.number}期(总第${issue.totalNumber}期)`);
    expect(reader.snapshot.publishedAt).toBe("2021-03-01T01:30:00.000Z");
    expect(reader.snapshot.sections.map((s) => [s.heading, s.articles.map((x) => x.title)])).toEqual([
      [null, ["卷首稿"]],
      ["向深度贫困进军", ["第一篇副题", "第二篇"]],
    ]);
    expect((await getArticle(editor, a)).status).toBe("published");
    const d = await getDb();
    expect(await d.select().from(issueSnapshots).where(eq(issueSnapshots.issueId, issue.id))).toHaveLength(1);
    await expect(setIssueLayout(editor, issue.id, { sections: [] })).rejects.toMatchObject({ code: "conflict" });
  });

  it("schedules, cancels, and the scheduler publishes exactly once even when run twice at once", async () => {
    const issue = await createIssue(editor, { publication: "sdtp", year: 2022 });
    const a = await acceptedArticle("定时稿");
    await setIssueLayout(editor, issue.id, { sections: [{ heading: "栏目", articleIds: [a] }] });
    const { version } = await getIssue(editor, issue.id);
    await updateIssue(editor, issue.id, { version, editorName: "刘栋" });
    await expect(scheduleIssue(editor, issue.id, { at: "2000-01-01T00:00:00Z" })).rejects.toMatchObject({ code: "invalid" });
    await expect(scheduleIssue(editor, issue.id, { at: new Date(Date.now() - 4 * 60_000).toISOString() })).rejects.toMatchObject({ code: "invalid" });
    await expect(scheduleIssue(editor, issue.id, { at: new Date(Date.now() + 60_000).toISOString() })).rejects.toMatchObject({ code: "not_signed" });
    await signed(issue.id);
    // The current minute as the form sends it (seconds cut), 59.9 s and a slow click later (100 s in all): "now", accepted.
    await scheduleIssue(editor, issue.id, { at: new Date(Date.now() - 100_000).toISOString() });
    await cancelSchedule(editor, issue.id);
    const at = new Date(Date.now() + 60 * 60_000).toISOString();
    await scheduleIssue(editor, issue.id, { at });
    // Cancelling keeps the signature: the issue is signed again, not a draft.
    await expect(cancelSchedule(editor, issue.id)).resolves.toMatchObject({ status: "signed" });
    expect((await getIssue(editor, issue.id)).status).toBe("signed");
    await scheduleIssue(editor, issue.id, { at });
    const system = systemViewer("scheduler");
    expect(await runDueSchedules(system, new Date())).toEqual([]);
    const later = new Date(Date.now() + 2 * 60 * 60_000);
    const [one, two] = await Promise.all([runDueSchedules(system, later), runDueSchedules(system, later)]);
    expect([...one, ...two]).toEqual([issue.id]);
    const reader = await getReaderIssue("sdtp", 2022, issue.number);
    expect(reader.snapshot.publishedAt).toBe(at);
    const d = await getDb();
    expect(await d.select().from(issueSnapshots).where(eq(issueSnapshots.issueId, issue.id))).toHaveLength(1);
  });

  it("withdraws with a reason (readers get 410), restores, and corrects with dated notes keeping the earlier text", async () => {
    const seed = await getReaderIssue("sdtp", 2017, 88);
    const id = seed.snapshot.issueId;
    expect(withdrawSchema.safeParse({ reason: "  " }).error?.issues.map((i) => i.path)).toEqual([["reason"]]);
    await withdrawIssue(editor, id, { reason: "数据有误，核实后重新发布" });
    await expect(getReaderIssue("sdtp", 2017, 88)).rejects.toMatchObject({ code: "gone", details: { reason: "数据有误，核实后重新发布" } });
    await restoreIssue(editor, id);
    const first = seed.snapshot.sections[0]!.articles[0]!;
    const correction = await addCorrection(editor, id, { text: "第一篇第一段“狠抓六项举措”应为“狠抓六项重点举措”。", articleId: first.id, body: doc("更正后的正文。") });
    // The demo publication requires 签发: the correction waits for it (corrections.db.test.ts tests that path).
    expect(correction.status).toBe("pending");
    await signoffCorrection(leader, id, correction.id, { decision: "approve" });
    const corrected = await getReaderIssue("sdtp", 2017, 88);
    expect(corrected.corrections).toEqual([expect.objectContaining({ text: "第一篇第一段“狠抓六项举措”应为“狠抓六项重点举措”。", articleId: first.id })]);
    expect(corrected.snapshot.sections[0]!.articles[0]!.html).toBe("<p>更正后的正文。</p>");
    const d = await getDb();
    const snapshots = await d.select().from(issueSnapshots).where(eq(issueSnapshots.issueId, id)).orderBy(issueSnapshots.id);
    expect(snapshots.map((s) => s.reason)).toEqual(["publish", "correction"]);
    expect(JSON.stringify(snapshots[0]!.content)).toContain("聊城市认真贯彻落实全省脱贫攻坚推进会精神");
    await expect(addCorrection(contributor, id, { text: "x" })).rejects.toMatchObject({ code: "forbidden" });
  });
});
