// Integration: 更正 — shown at once where no 签发 is required; where it is,
// pending (readers keep the signed text) until a signer signs it or returns
// it with a comment; the text as a revision; history, audit, notices, races.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { loadDemoWithSigners } from "@/testing/signoff-people";
import type { Viewer } from "@/lib/auth/permissions";
import { createArticle, transitionArticle } from "@/lib/articles/mutations";
import { getArticle } from "@/lib/articles/articles";
import { listRevisions } from "@/lib/articles/revisions";
import { listNotifications } from "@/lib/notifications/notifications";
import { createPublication } from "@/lib/publications/publications";
import { getDb } from "@/db";
import { auditLog, corrections, issueSnapshots } from "@/db/schema";
import { getReaderIssue } from "./reader";
import { createIssue, getIssue, setIssueLayout, updateIssue } from "./assembly";
import { publishCheckedIssue, withdrawIssue, restoreIssue } from "./lifecycle";
import { addCorrection, correctionContentHash, correctionSignoffSchema, getPendingCorrection, listCorrections, listPendingCorrections, signoffCorrection } from "./corrections";
import { getSignoffState } from "./signoff";

let db: TestDb;
let editor: Viewer, leader: Viewer, leader2: Viewer, admin: Viewer, liaocheng: Viewer;
beforeAll(async () => {
  db = await createTestDb();
  ({ editor, leader, leader2, admin, liaocheng } = await loadDemoWithSigners());
  await createPublication(admin, { slug: "nosign", name: "无需签发简报", issuingBody: "测试组", requiresSignoff: false });
});
afterAll(() => db?.drop());

const doc = (...paragraphs: string[]) => ({ type: "doc", content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) });

/** A published issue of a publication that needs no 签发, with one article. */
async function publishedWithoutSignoff(year: number) {
  const { id: articleId } = await createArticle(liaocheng, { title: `更正稿${year}`, body: doc("原来的第一段。", "原来的第二段，数字是 12 个。") });
  await transitionArticle(liaocheng, articleId, "submit");
  await transitionArticle(editor, articleId, "accept");
  const issue = await createIssue(editor, { publication: "nosign", year });
  await setIssueLayout(editor, issue.id, { sections: [{ heading: "工作动态", articleIds: [articleId] }] });
  await updateIssue(editor, issue.id, { version: (await getIssue(editor, issue.id)).version, editorName: "刘栋" });
  await publishCheckedIssue(editor, issue.id);
  return { ...issue, articleId };
}

const readerText = async (year: number, number: number, slug = "sdtp") => {
  const r = await getReaderIssue(slug, year, number);
  return { text: r.snapshot.sections.flatMap((s) => s.articles.map((a) => a.text)).join("\n"), corrections: r.corrections };
};

describe("更正 without 签发", () => {
  it("is shown at once, and a new text is a revision of the article, not a silent change", async () => {
    const issue = await publishedWithoutSignoff(2035);
    const before = await getArticle(editor, issue.articleId);
    const made = await addCorrection(editor, issue.id, { text: "第二段数字应为 21 个。", articleId: issue.articleId, body: doc("原来的第一段。", "原来的第二段，数字是 21 个。") });
    expect(made.status).toBe("published");
    const reader = await readerText(2035, issue.number, "nosign");
    expect(reader.text).toContain("数字是 21 个");
    expect(reader.corrections).toEqual([expect.objectContaining({ text: "第二段数字应为 21 个。", articleId: issue.articleId })]);
    const after = await getArticle(editor, issue.articleId);
    expect(after.version).toBe(before.version + 1);
    expect(after.events.at(-1)).toMatchObject({ type: "corrected", comment: "更正：第二段数字应为 21 个。" });
    expect((await listRevisions(editor, issue.articleId))[0]).toMatchObject({ version: after.version, note: "更正：第二段数字应为 21 个。" });
    expect(await listCorrections(editor, issue.id)).toEqual([expect.objectContaining({ status: "published", replacesText: true, publishedAt: made.createdAt })]);
    // A note only, or the text unchanged: no revision.
    expect((await addCorrection(editor, issue.id, { text: "另注：见下期。" })).status).toBe("published");
    await addCorrection(editor, issue.id, { text: "再注。", articleId: issue.articleId, body: doc("原来的第一段。", "原来的第二段，数字是 21 个。") });
    expect((await getArticle(editor, issue.articleId)).version).toBe(after.version);
    expect((await listCorrections(editor, issue.id)).at(-1)).toMatchObject({ replacesText: false });
    expect((await readerText(2035, issue.number, "nosign")).corrections).toHaveLength(3);
  });
});

describe("更正 with 签发 (the demo publication requires it)", () => {
  it("waits for the signer; a return needs a comment and tells the editor; signing shows it, with a revision, history, audit and a hash", async () => {
    const seed = await getReaderIssue("sdtp", 2017, 88);
    const issueId = seed.snapshot.issueId;
    const first = seed.snapshot.sections[0]!.articles[0]!;
    const oldText = first.text;
    const paragraphs = oldText.split("\n");
    const newParagraphs = [paragraphs[0]!.replace("六项举措", "六项重点举措"), ...paragraphs.slice(1)];
    expect(newParagraphs[0]).not.toBe(paragraphs[0]);
    const versionBefore = (await getArticle(editor, first.id)).version;
    const snapshotsBefore = await (await getDb()).select({ id: issueSnapshots.id }).from(issueSnapshots).where(eq(issueSnapshots.issueId, issueId));

    // Asked: pending; readers keep the signed text; the signers are told; nothing else moves.
    const asked = await addCorrection(editor, issueId, { text: "第一段“六项举措”应为“六项重点举措”。", articleId: first.id, body: doc(...newParagraphs) });
    expect(asked.status).toBe("pending");
    expect((await readerText(2017, 88)).text).toContain(paragraphs[0]!);
    expect((await readerText(2017, 88)).corrections).toEqual([]);
    expect((await getArticle(editor, first.id)).version).toBe(versionBefore);
    expect(await (await getDb()).select({ id: issueSnapshots.id }).from(issueSnapshots).where(eq(issueSnapshots.issueId, issueId))).toHaveLength(snapshotsBefore.length);
    expect((await listNotifications(leader, 5)).map((n) => n.message)).toContainEqual(expect.stringContaining("有一条更正待签发"));
    expect(await listPendingCorrections(leader)).toEqual([expect.objectContaining({ issueId, correctionId: asked.id, text: "第一段“六项举措”应为“六项重点举措”。" })]);

    // One at a time.
    await expect(addCorrection(editor, issueId, { text: "再来一条。" })).rejects.toMatchObject({ code: "conflict" });

    // The signer sees exactly what changes: the first paragraph, old against new.
    const review = (await getPendingCorrection(leader, issueId))!;
    expect(review.correction).toMatchObject({ id: asked.id, status: "pending", articleTitle: first.title, replacesText: true, createdBy: "刘栋" });
    const changed = review.textDiff!.blocks.filter((b) => b.kind !== "same");
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ kind: "changed" });
    expect(review.snapshot.sections[0]!.articles[0]!.text).toContain("六项重点举措");
    expect(review.snapshot.corrections).toEqual([expect.objectContaining({ text: "第一段“六项举措”应为“六项重点举措”。" })]);

    // Who may decide: signers and admins. A return needs its comment (422 naming the field).
    await expect(signoffCorrection(editor, issueId, asked.id, { decision: "approve" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(signoffCorrection(liaocheng, issueId, asked.id, { decision: "approve" })).rejects.toMatchObject({ code: "forbidden" });
    // A return without its comment is refused at the route's boundary, naming the field.
    expect(correctionSignoffSchema.safeParse({ decision: "return" }).error?.issues.map((i) => i.path)).toEqual([["comment"]]);
    await expect(signoffCorrection(leader, issueId, 999_999, { decision: "approve" })).rejects.toMatchObject({ code: "not_found" });

    const returned = await signoffCorrection(leader, issueId, asked.id, { decision: "return", comment: "请同时核对第二段" });
    expect(returned).toMatchObject({ status: "returned", decidedBy: "王建国" });
    await expect(signoffCorrection(leader2, issueId, asked.id, { decision: "approve" })).rejects.toMatchObject({ code: "conflict" });
    expect((await listNotifications(editor, 5)).map((n) => n.message)).toContainEqual(expect.stringContaining("的更正被退回：请同时核对第二段"));
    expect((await readerText(2017, 88)).corrections).toEqual([]);
    expect(await getPendingCorrection(leader, issueId)).toBeNull();

    // Asked again; two signers at once: one decision, the other 409.
    const again = await addCorrection(editor, issueId, { text: "第一段“六项举措”应为“六项重点举措”。", articleId: first.id, body: doc(...newParagraphs) });
    const [one, two] = await Promise.allSettled([
      signoffCorrection(leader, issueId, again.id, { decision: "approve" }),
      signoffCorrection(leader2, issueId, again.id, { decision: "return", comment: "同时退回" }),
    ]);
    const outcomes = [one, two].map((r) => (r.status === "fulfilled" ? r.value.status : (r.reason as { code: string }).code)).sort();
    expect(outcomes.filter((o) => o === "conflict")).toHaveLength(1);
    let signed = [one, two].find((r) => r.status === "fulfilled" && r.value.status === "published");
    let signedId = again.id;
    if (!signed) {
      // The return won: ask once more and sign.
      signedId = (await addCorrection(editor, issueId, { text: "第一段“六项举措”应为“六项重点举措”。", articleId: first.id, body: doc(...newParagraphs) })).id;
      signed = { status: "fulfilled", value: await signoffCorrection(leader, issueId, signedId, { decision: "approve" }) };
    }
    const decision = (signed as PromiseFulfilledResult<Awaited<ReturnType<typeof signoffCorrection>>>).value;

    // Shown: the new text and the dated note; the article has a revision; the editor is told.
    const reader = await readerText(2017, 88);
    expect(reader.text).toContain("六项重点举措");
    expect(reader.corrections).toEqual([expect.objectContaining({ text: "第一段“六项举措”应为“六项重点举措”。", articleId: first.id, createdAt: decision.decidedAt })]);
    const article = await getArticle(editor, first.id);
    expect(article.version).toBe(versionBefore + 1);
    expect(article.events.at(-1)).toMatchObject({ type: "corrected", by: "刘栋" });
    expect((await listNotifications(editor, 5)).map((n) => n.message)).toContainEqual(expect.stringContaining("的更正已签发"));

    // The signature covers a hash of exactly the corrected content.
    const [row] = await (await getDb()).select().from(corrections).where(eq(corrections.id, signedId));
    expect(row).toMatchObject({ status: "published", contentHash: decision.contentHash });
    expect(correctionContentHash(row!)).toBe(decision.contentHash);
    const [audit] = await (await getDb())
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "issue.correction_signoff"), eq(auditLog.targetId, String(issueId))));
    expect(audit!.details).toMatchObject({ correctionId: signedId, contentHash: decision.contentHash });
    const history = (await getSignoffState(editor, issueId)).history.map((e) => e.type);
    expect(history.slice(-5).filter((t) => t.startsWith("correction_"))).toContain("correction_signed");
    expect(history).toContain("correction_returned");
    expect(history).toContain("correction_requested");
  });

  it("refuses to sign a correction whose content changed since it was asked, or of an issue withdrawn meanwhile", async () => {
    const seed = await getReaderIssue("sdtp", 2017, 88);
    const issueId = seed.snapshot.issueId;
    const first = seed.snapshot.sections[0]!.articles[0]!;
    const asked = await addCorrection(editor, issueId, { text: "改一个字。", articleId: first.id, body: doc("被偷偷改过的正文。") });
    // Changed behind the signer's back (not through the service): the hash no longer matches.
    await (await getDb()).update(corrections).set({ body: doc("另一段正文。") }).where(eq(corrections.id, asked.id));
    await expect(signoffCorrection(leader, issueId, asked.id, { decision: "approve" })).rejects.toMatchObject({ code: "conflict" });
    await signoffCorrection(leader, issueId, asked.id, { decision: "return", comment: "内容不一致" });

    const next = await addCorrection(editor, issueId, { text: "只是一条说明。" });
    await withdrawIssue(editor, issueId, { reason: "核实中" });
    await expect(signoffCorrection(leader, issueId, next.id, { decision: "approve" })).rejects.toMatchObject({ code: "conflict" });
    await restoreIssue(editor, issueId);
    expect((await signoffCorrection(admin, issueId, next.id, { decision: "approve" })).status).toBe("published");
    expect((await readerText(2017, 88)).corrections.map((c) => c.text)).toContain("只是一条说明。");
    expect((await readerText(2017, 88)).text).not.toContain("被偷偷改过的正文");
  });
});
