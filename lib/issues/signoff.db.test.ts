// Integration: 签发 — request, sign or return, the publish gate, voiding on
// change, the hash publishing checks, the races, notices and history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { loadDemoWithSigners } from "@/testing/signoff-people";
import { anonymous, systemViewer, type Viewer } from "@/lib/auth/permissions";
import { createArticle, transitionArticle, updateArticle } from "@/lib/articles/mutations";
import { getArticle } from "@/lib/articles/articles";
import { listNotifications } from "@/lib/notifications/notifications";
import { updatePublication, createPublication } from "@/lib/publications/publications";
import mammoth from "mammoth";
import { printedForm } from "@/lib/render/printed-form";
import { issueDocx } from "@/lib/render/issue-docx";
import { getDb } from "@/db";
import { articles, auditLog, issues } from "@/db/schema";
import { getReaderIssue } from "./reader";
import { createIssue, getIssue, listIssues, previewIssue, setIssueLayout, updateIssue } from "./assembly";
import { publishCheckedIssue, runDueSchedules, scheduleIssue } from "./lifecycle";
import { changesSinceReturn, getSignoffState, listSignoffDesk, requestSignoff, signoffIssue, signoffSchema } from "./signoff";

let db: TestDb;
let editor: Viewer, leader: Viewer, leader2: Viewer, admin: Viewer, liaocheng: Viewer;
beforeAll(async () => {
  db = await createTestDb();
  ({ editor, leader, leader2, admin, liaocheng } = await loadDemoWithSigners());
});
afterAll(() => db?.drop());

const doc = (...paragraphs: string[]) => ({ type: "doc", content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) });

async function acceptedArticle(title: string, ...paragraphs: string[]) {
  const { id } = await createArticle(liaocheng, { title, body: doc(...(paragraphs.length ? paragraphs : [`${title}的正文。`])) });
  await transitionArticle(liaocheng, id, "submit");
  await transitionArticle(editor, id, "accept");
  return id;
}

/** A draft issue of `publication` in `year` that passes the checks, with its articles. */
async function readyIssue(year: number, publication = "sdtp") {
  const issue = await createIssue(editor, { publication, year });
  const a = await acceptedArticle(`甲稿${year}`, "第一段。", "第二段。");
  const b = await acceptedArticle(`乙稿${year}`);
  await setIssueLayout(editor, issue.id, { sections: [{ heading: "工作动态", articleIds: [a, b] }] });
  await updateIssue(editor, issue.id, { version: (await getIssue(editor, issue.id)).version, editorName: "刘栋" });
  return { ...issue, a, b };
}

const statusOf = async (id: number) => (await getIssue(editor, id)).status;

describe("签发", () => {
  it("asks for sign-off only when the checks pass (422 naming them), and only editors ask", async () => {
    const empty = await createIssue(editor, { publication: "sdtp", year: 2030 });
    await updateIssue(editor, empty.id, { version: 1, editorName: null });
    const refused = requestSignoff(editor, empty.id);
    await expect(refused).rejects.toMatchObject({ code: "invalid", details: { checks: expect.arrayContaining([expect.objectContaining({ code: "no_articles" }), expect.objectContaining({ code: "no_editor" })]) } });
    await expect(requestSignoff(editor, empty.id)).rejects.toThrow(/本期还没有稿件.*请填写本期编辑/);
    await expect(requestSignoff(leader, empty.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(requestSignoff(liaocheng, empty.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(requestSignoff(anonymous, empty.id)).rejects.toMatchObject({ code: "unauthorized" });
    expect(await statusOf(empty.id)).toBe("draft");
  });

  it("goes draft → awaiting_signoff → returned with a comment → draft → signed → published, with notices and history", async () => {
    const issue = await readyIssue(2031);
    await expect(publishCheckedIssue(editor, issue.id)).rejects.toMatchObject({ code: "not_signed" });
    await expect(scheduleIssue(editor, issue.id, { at: new Date(Date.now() + 3600_000).toISOString() })).rejects.toMatchObject({ code: "not_signed" });

    await expect(requestSignoff(editor, issue.id)).resolves.toMatchObject({ status: "awaiting_signoff" });
    await expect(requestSignoff(editor, issue.id)).rejects.toMatchObject({ code: "conflict" });
    expect((await listNotifications(leader)).map((n) => n.message)).toContainEqual(expect.stringContaining("2031年第1期"));
    expect((await listSignoffDesk(leader)).awaiting.map((i) => i.id)).toContain(issue.id);
    await expect(publishCheckedIssue(editor, issue.id)).rejects.toMatchObject({ code: "not_signed" });

    // Who may decide, and a return needs its comment (422 naming the field).
    await expect(signoffIssue(editor, issue.id, { decision: "approve" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(signoffIssue(liaocheng, issue.id, { decision: "approve" })).rejects.toMatchObject({ code: "forbidden" });
    // Refused at the route's boundary (422), naming the field.
    const refusedField = (input: unknown) => signoffSchema.safeParse(input).error?.issues.map((i) => i.path.join("."));
    expect(refusedField({ decision: "return" })).toEqual(["comment"]);
    expect(refusedField({ decision: "return", comment: "   " })).toEqual(["comment"]);
    expect(refusedField({ decision: "maybe" })).toEqual(["decision"]);

    await expect(signoffIssue(leader, issue.id, { decision: "return", comment: "乙稿数据请核实" })).resolves.toMatchObject({ status: "draft", signedBy: null, signedAt: null });
    expect((await listNotifications(editor)).map((n) => n.message)).toContainEqual(expect.stringContaining("乙稿数据请核实"));
    await expect(signoffIssue(leader, issue.id, { decision: "approve" })).rejects.toMatchObject({ code: "conflict" });

    // Fixed and asked again: the signer sees what changed since the return.
    const article = await getArticle(editor, issue.b);
    await updateArticle(editor, issue.b, { body: doc("核实后的正文。"), version: article.version });
    await setIssueLayout(editor, issue.id, { sections: [{ heading: "工作动态", articleIds: [issue.b, issue.a] }] });
    await requestSignoff(editor, issue.id);
    const changes = await changesSinceReturn(leader, issue.id);
    expect(changes?.comment).toBe("乙稿数据请核实");
    const b = changes!.diff.articles.find((x) => x.id === issue.b)!;
    expect(b.blocks?.some((x) => x.kind !== "same")).toBe(true);
    expect(changes!.diff.articles.some((x) => x.moved)).toBe(true);
    expect(changes!.diff.articles.find((x) => x.id === issue.a)!.blocks).toBeUndefined();

    const signed = await signoffIssue(leader, issue.id, { decision: "approve", version: (await getIssue(editor, issue.id)).version });
    expect(signed).toMatchObject({ status: "signed", signedBy: "王建国" });
    expect(new Date(signed.signedAt!).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await getIssue(editor, issue.id)).toMatchObject({ status: "signed", signedBy: "王建国", signedAt: signed.signedAt });
    expect((await listNotifications(editor)).map((n) => n.message)).toContainEqual(expect.stringContaining("已签发"));

    await publishCheckedIssue(editor, issue.id);
    const reader = await getReaderIssue("sdtp", 2031, issue.number);
    // Readers never see who signed.
    expect(JSON.stringify(reader)).not.toContain("王建国");
    const state = await getSignoffState(editor, issue.id);
    expect(state.history.map((e) => [e.type, e.by])).toEqual([
      ["signoff_requested", "刘栋"],
      ["signoff_returned", "王建国"],
      ["signoff_requested", "刘栋"],
      ["signed", "王建国"],
      ["published", "刘栋"],
    ]);
    expect(state.lastReturn).toMatchObject({ comment: "乙稿数据请核实", by: "王建国" });
    const audit = await (await getDb()).select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.targetType, "issue"), eq(auditLog.targetId, String(issue.id))));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["issue.request_signoff", "issue.signoff_return", "issue.signoff", "issue.publish"]));
  });

  it("takes a requested or signed issue back to draft on any change to layout, fields, a placed article or the masthead", async () => {
    const issue = await readyIssue(2032);
    const sign = async () => {
      await requestSignoff(editor, issue.id);
      await signoffIssue(leader, issue.id, { decision: "approve" });
      expect(await statusOf(issue.id)).toBe("signed");
    };
    await sign();
    await setIssueLayout(editor, issue.id, { sections: [{ heading: "工作动态", articleIds: [issue.b, issue.a] }] });
    expect(await getIssue(editor, issue.id)).toMatchObject({ status: "draft", signedBy: null, signedAt: null });
    expect((await listNotifications(leader)).map((n) => n.message)).toContainEqual(expect.stringContaining("签发已失效"));

    await sign();
    await updateIssue(editor, issue.id, { version: (await getIssue(editor, issue.id)).version, note: "按语" });
    expect(await statusOf(issue.id)).toBe("draft");

    // Awaiting, not yet signed: a change voids the request too.
    await requestSignoff(editor, issue.id);
    await updateIssue(editor, issue.id, { version: (await getIssue(editor, issue.id)).version, note: "新按语" });
    expect(await statusOf(issue.id)).toBe("draft");
    await expect(signoffIssue(leader, issue.id, { decision: "approve" })).rejects.toMatchObject({ code: "conflict" });

    await sign();
    const a = await getArticle(editor, issue.a);
    await updateArticle(editor, issue.a, { title: "甲稿改题", version: a.version });
    expect(await statusOf(issue.id)).toBe("draft");

    // Scheduled after signing: a change cancels the schedule with the signature.
    await sign();
    await scheduleIssue(editor, issue.id, { at: new Date(Date.now() + 3600_000).toISOString() });
    expect(await statusOf(issue.id)).toBe("scheduled");
    await updatePublication(admin, "sdtp", { subtitle: "内部资料" });
    expect(await getIssue(editor, issue.id)).toMatchObject({ status: "draft", scheduledAt: null });
    await updatePublication(admin, "sdtp", { subtitle: null });

    const state = await getSignoffState(editor, issue.id);
    expect(state.history.filter((e) => e.type === "signoff_voided").map((e) => e.comment)).toEqual([
      "版面已调整",
      "本期信息已修改",
      "本期信息已修改",
      "稿件《甲稿改题》已修改",
      "刊物的版头或版记已修改",
    ]);
  });

  it("publishes only what was signed: content changed behind the services' back is refused and voids the signature", async () => {
    const issue = await readyIssue(2033);
    await requestSignoff(editor, issue.id);
    await signoffIssue(leader, issue.id, { decision: "approve" });
    // A change no service path made (a direct write): the hash no longer matches.
    await (await getDb()).update(articles).set({ body: doc("未经签发的正文。") }).where(eq(articles.id, issue.a));
    await expect(publishCheckedIssue(editor, issue.id)).rejects.toMatchObject({ code: "not_signed", details: { reason: "content_changed" } });
    expect(await statusOf(issue.id)).toBe("draft");
    await expect(getReaderIssue("sdtp", 2033, issue.number)).rejects.toMatchObject({ code: "not_found" });
  });

  it("lets one of two signers at once decide; the other gets 409", async () => {
    const pairs = [
      [{ decision: "approve" }, { decision: "approve" }],
      [{ decision: "approve" }, { decision: "return", comment: "不同意" }],
    ] as const;
    for (const [round, [first, second]] of pairs.entries()) {
      const issue = await readyIssue(2034 + round);
      await requestSignoff(editor, issue.id);
      const results = await Promise.allSettled([signoffIssue(leader, issue.id, first), signoffIssue(leader2, issue.id, second)]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
      const winner = (results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ status: string }>).value;
      expect(await statusOf(issue.id)).toBe(winner.status);
    }
  });

  it("never lets a signature cover a version its signer did not see: a change racing a signature, one wins", async () => {
    for (let round = 0; round < 4; round++) {
      const issue = await readyIssue(2040 + round);
      await requestSignoff(editor, issue.id);
      const seen = (await getIssue(editor, issue.id)).version;
      const article = await getArticle(editor, issue.a);
      const [sign, edit] = await Promise.allSettled([
        signoffIssue(leader, issue.id, { decision: "approve", version: seen }),
        updateArticle(editor, issue.a, { body: doc(`竞争修改${round}。`), version: article.version }),
      ]);
      expect(edit.status).toBe("fulfilled");
      // Whichever went first, the edit leaves the issue a draft: the signature, if given, was voided.
      expect(await statusOf(issue.id)).toBe("draft");
      if (sign.status === "rejected") expect(sign.reason).toMatchObject({ code: "conflict" });
      await expect(publishCheckedIssue(editor, issue.id)).rejects.toMatchObject({ code: "not_signed" });
    }
    // A stale version is refused outright.
    const issue = await readyIssue(2045);
    await requestSignoff(editor, issue.id);
    await expect(signoffIssue(leader, issue.id, { decision: "approve", version: 1 })).rejects.toMatchObject({ code: "conflict" });
  });

  it("keeps signers off articles and layouts (403)", async () => {
    const issue = await readyIssue(2046);
    const article = await getArticle(editor, issue.a);
    await expect(updateArticle(leader, issue.a, { title: "签发人改稿", version: article.version })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createArticle(leader, { title: "签发人写稿" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(transitionArticle(leader, issue.a, "unaccept")).rejects.toMatchObject({ code: "forbidden" });
    await expect(setIssueLayout(leader, issue.id, { sections: [] })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateIssue(leader, issue.id, { version: 1, note: "x" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(publishCheckedIssue(leader, issue.id)).rejects.toMatchObject({ code: "forbidden" });
    // …but they read issues being assembled and their preview.
    await expect(previewIssue(leader, issue.id)).resolves.toMatchObject({ issueId: issue.id });
    expect((await listIssues(leader)).map((i) => i.id)).toContain(issue.id);
    // An admin may sign.
    await requestSignoff(editor, issue.id);
    await expect(signoffIssue(admin, issue.id, { decision: "approve" })).resolves.toMatchObject({ status: "signed", signedBy: "系统管理员" });
  });

  it("publishes without sign-off where the publication does not require it, and prints 签发：姓名 only where asked", async () => {
    await createPublication(admin, { slug: "nosign", name: "无需签发简报", issuingBody: "测试组", requiresSignoff: false });
    const free = await readyIssue(2050, "nosign");
    await publishCheckedIssue(editor, free.id);
    expect(await statusOf(free.id)).toBe("published");

    await createPublication(admin, { slug: "printsign", name: "印签发简报", issuingBody: "测试组", printSigner: true });
    const issue = await readyIssue(2051, "printsign");
    expect((await previewIssue(editor, issue.id)).signer).toBe("（待签发）");
    await requestSignoff(editor, issue.id);
    await signoffIssue(leader, issue.id, { decision: "approve" });
    expect((await previewIssue(leader, issue.id)).signer).toBe("王建国");
    await publishCheckedIssue(editor, issue.id);
    const { snapshot } = await getReaderIssue("printsign", 2051, issue.number);
    expect(printedForm(snapshot).signer).toBe("王建国");
    const docx = await mammoth.extractRawText({ buffer: await issueDocx(snapshot) });
    expect(docx.value).toContain("签发：王建国");
    const plain = await getReaderIssue("sdtp", 2017, 88);
    expect(plain.snapshot.signer).toBeUndefined();
    expect(printedForm(plain.snapshot).signer).toBeNull();
  });

  it("loads the demo's seed issue signed by the demo signer, and readers never see it", async () => {
    const seed = await getReaderIssue("sdtp", 2017, 88);
    const state = await getSignoffState(editor, seed.snapshot.issueId);
    expect(state).toMatchObject({ status: "published", requiresSignoff: true, signedBy: "王建国", signedAt: "2017-08-17T02:12:00.000Z" });
    expect(JSON.stringify(seed)).not.toContain("王建国");
  });

  it("does not publish a scheduled issue that lost or never had its signature: it goes back to draft", async () => {
    const issue = await readyIssue(2052);
    // As an issue scheduled before sign-off existed would be (migration 0006).
    await (await getDb()).update(issues).set({ status: "scheduled", scheduledAt: new Date(Date.now() - 60_000) }).where(eq(issues.id, issue.id));
    expect(await runDueSchedules(systemViewer("scheduler"), new Date())).toEqual([]);
    expect(await getIssue(editor, issue.id)).toMatchObject({ status: "draft", scheduledAt: null });
    expect((await getSignoffState(editor, issue.id)).history.at(-1)).toMatchObject({ type: "unscheduled", toStatus: "draft" });
  });
});
