// Integration: changing (修改) and cancelling (撤销) a commission on a fresh
// database (PGlite, or PostgreSQL with DATABASE_URL): optimistic locking,
// the units told, the refusals naming their field, the audit rows, and a
// cancelled commission off the desks, closed to answers and out of the scores.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, commissionUnits, commissions } from "@/db/schema";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { loadDemo } from "@/lib/demo/load-demo";
import { demoCommissionCast } from "@/testing/demo-viewers";
import { anonymous, systemViewer, type Viewer } from "@/lib/auth/permissions";
import { createArticle, transitionArticle, updateArticle } from "@/lib/articles/mutations";
import { getArticle } from "@/lib/articles/articles";
import { listNotifications } from "@/lib/notifications/notifications";
import { getUnitStats } from "@/lib/stats/stats";
import { setWeights } from "@/lib/stats/weights";
import { invalidInput } from "@/lib/errors";
import { answerableCommissions, createCommission, deskCommissions, getCommission, listCommissions, sendCommissionReminders } from "./commissions";
import { commissionCancelSchema, commissionUpdateSchema } from "./commissions";
import { cancelCommission, updateCommission } from "./changes";

const DAY = 86_400_000;
let db: TestDb;
let liaocheng: Viewer, weihai: Viewer, sft: Viewer, editor: Viewer, signer: Viewer;
let unit: Record<"liaocheng" | "weihai" | "sft", number>;

beforeAll(async () => {
  db = await createTestDb();
  await loadDemo({ password: "demo-password-1" });
  ({ liaocheng, weihai, sft, editor, signer, unit } = await demoCommissionCast());
});
afterAll(() => db?.drop());

const doc = (text: string) => ({ type: "doc" as const, content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const iso = (d: Date) => d.toISOString();

async function commission(title: string, unitIds: number[], deadline = new Date(Date.now() + 3 * DAY), now = new Date()) {
  return createCommission(editor, { title, brief: "<p>请报送做法。</p>", deadline: iso(deadline), unitIds }, { now });
}

async function answer(viewer: Viewer, id: number) {
  const created = await createArticle(viewer, { title: `回复${id}`, body: doc("按约稿要求报送的信息。"), commissionId: id });
  await transitionArticle(viewer, created.id, "submit");
  return created.id;
}

const notices = async (viewer: Viewer, id: number, type: string) => (await listNotifications(viewer, 100)).filter((n) => n.commissionId === id && n.type === type);
const audits = async (id: number) =>
  (await (await getDb()).select().from(auditLog).where(and(eq(auditLog.targetType, "commission"), eq(auditLog.targetId, String(id)))).orderBy(asc(auditLog.id))).map((a) => ({
    action: a.action,
    details: a.details,
  }));
const row = async (id: number) => (await (await getDb()).select().from(commissions).where(eq(commissions.id, id)))[0]!;

describe("changing a commission", () => {
  it("changes title, brief (sanitized), deadline and units; bumps the version; tells the units concerned; audits", async () => {
    const c = await commission("原标题", [unit.liaocheng]);
    expect(c.version).toBe(1);
    const deadline = new Date(Date.now() + 5 * DAY);
    const changed = await updateCommission(
      editor,
      c.id,
      { version: 1, title: " 新标题\n第二行 ", brief: '<p onclick="x()">新要求<script>x()</script></p>', deadline: iso(deadline), unitIds: [unit.liaocheng, unit.weihai] },
      { now: new Date() },
    );
    expect(changed).toMatchObject({ title: "新标题 第二行", version: 2, deadline: iso(deadline), cancelled: null, briefHtml: "<p>新要求</p>" });
    expect(changed.units.map((u) => u.unitId)).toEqual([unit.liaocheng, unit.weihai]);
    // 聊城 was addressed already: told the new deadline. 威海 is new: told of the commission. 省司法厅: nothing.
    expect((await notices(liaocheng, c.id, "commission_changed")).map((n) => n.message)).toEqual([expect.stringContaining("截止时间改为")]);
    expect(await notices(weihai, c.id, "commission")).toHaveLength(1);
    expect(await notices(weihai, c.id, "commission_changed")).toHaveLength(0);
    expect(await listNotifications(sft, 100).then((l) => l.filter((n) => n.commissionId === c.id))).toEqual([]);
    expect(await audits(c.id)).toEqual([
      { action: "commission.create", details: expect.any(Object) },
      {
        action: "commission.update",
        details: { version: 2, title: { from: "原标题", to: "新标题 第二行" }, brief: true, deadline: { from: c.deadline, to: iso(deadline) }, addedUnitIds: [unit.weihai] },
      },
    ]);
    // Only the title: no notice, version 3.
    const again = await updateCommission(editor, c.id, { version: 2, title: "再改标题" }, { now: new Date() });
    expect(again).toMatchObject({ title: "再改标题", version: 3, deadline: iso(deadline) });
    expect(await notices(liaocheng, c.id, "commission_changed")).toHaveLength(1);
    // Nothing changed: nothing written.
    expect(await updateCommission(editor, c.id, { version: 3, title: "再改标题", deadline: iso(deadline) }, { now: new Date() })).toMatchObject({ version: 3 });
    expect(await audits(c.id)).toHaveLength(3);
  });

  it("refuses a stale version with 409 and loses nothing of the newer change", async () => {
    const c = await commission("并发修改", [unit.liaocheng]);
    await updateCommission(editor, c.id, { version: 1, title: "甲编辑的标题" }, { now: new Date() });
    await expect(updateCommission(editor, c.id, { version: 1, title: "乙编辑的标题" }, { now: new Date() })).rejects.toMatchObject({ code: "conflict" });
    await expect(cancelCommission(editor, c.id, { version: 1, reason: "过时的撤销" }, { now: new Date() })).rejects.toMatchObject({ code: "conflict" });
    expect(await row(c.id)).toMatchObject({ title: "甲编辑的标题", version: 2, cancelledAt: null });
    // Two changes at once from the same version: one wins, the other is a conflict.
    const results = await Promise.allSettled([
      updateCommission(editor, c.id, { version: 2, title: "同时一" }, { now: new Date() }),
      updateCommission(editor, c.id, { version: 2, title: "同时二" }, { now: new Date() }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    expect((await row(c.id)).version).toBe(3);
  });

  it("refuses bad changes naming the field, and keeps the commission as it was", async () => {
    const c = await commission("拒绝修改", [unit.liaocheng, unit.weihai]);
    await answer(liaocheng, c.id);
    const now = new Date();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ deadline: iso(new Date(now.getTime() - 60_000)) }, "deadline", "截止时间须晚于现在"],
      [{ deadline: "明天" }, "deadline", "请填写截止时间"],
      [{ unitIds: [] }, "unitIds", "至少选择一个单位"],
      [{ unitIds: [unit.weihai] }, "unitIds", "已报送，不能移出"],
      [{ unitIds: [unit.liaocheng, unit.weihai, 999_999] }, "unitIds", "单位 999999 不存在"],
      [{ title: "  " }, "title", "请填写约稿标题"],
      [{ brief: "<p> </p>" }, "brief", "请填写约稿要求"],
      [{ publication: "sdtp" }, "", ""],
      [{ version: undefined }, "version", ""],
    ];
    for (const [patch, field, words] of cases) {
      const parsed = commissionUpdateSchema.safeParse({ version: 1, ...patch });
      const error = parsed.success ? await updateCommission(editor, c.id, parsed.data, { now }).then(() => null, (e) => e) : invalidInput(parsed.error, "commission.invalid");
      expect(error, JSON.stringify(patch)).toMatchObject({ code: "invalid" });
      if (field) expect(Object.keys(error.fields ?? {}), JSON.stringify(patch)).toContain(field);
      if (words) expect(error.fields[field].join(" "), JSON.stringify(patch)).toContain(words);
    }
    expect(await row(c.id)).toMatchObject({ title: "拒绝修改", version: 1 });
    expect((await getCommission(editor, c.id, { now })).units.map((u) => u.unitId)).toEqual([unit.liaocheng, unit.weihai]);
    // A unit that has not answered may go; it then no longer sees the commission.
    const narrowed = await updateCommission(editor, c.id, { version: 1, unitIds: [unit.liaocheng] }, { now });
    expect(narrowed.units.map((u) => u.unitId)).toEqual([unit.liaocheng]);
    await expect(getCommission(weihai, c.id, { now })).rejects.toMatchObject({ code: "not_found" });
    expect((await audits(c.id)).at(-1)).toEqual({ action: "commission.update", details: { version: 2, removedUnitIds: [unit.weihai] } });
    // It is told so, without a link to what it can no longer open; the unit that stays is not.
    const removedNotice = (await listNotifications(weihai, 100)).filter((n) => n.type === "commission_removed");
    expect(removedNotice).toEqual([expect.objectContaining({ commissionId: null, message: "约稿《拒绝修改》已不再向本单位约稿，无需报送" })]);
    expect((await listNotifications(liaocheng, 100)).filter((n) => n.type === "commission_removed")).toEqual([]);
    // Its earlier notice of the commission stays, without the link to what it can no longer open; the staying unit's keeps it.
    expect((await listNotifications(weihai, 100)).filter((n) => n.message.includes("《拒绝修改》")).map((n) => [n.type, n.commissionId])).toEqual([
      ["commission_removed", null],
      ["commission", null],
    ]);
    expect(await notices(liaocheng, c.id, "commission")).toHaveLength(1);
  });

  it("keeps an unchanged deadline that has passed, and sends the reminder again for a moved one", async () => {
    const t0 = new Date(Date.now() - 3 * DAY);
    const c = await commission("已逾期的约稿", [unit.sft], new Date(Date.now() - DAY), t0);
    // The form sends every field back: the passed deadline is not a change.
    const kept = await updateCommission(editor, c.id, { version: 1, title: "已逾期的约稿（补充）", deadline: c.deadline }, { now: new Date() });
    expect(kept).toMatchObject({ version: 2, deadline: c.deadline });
    // Moved to three days on: the reminder a day before goes again.
    const d = await getDb();
    await d.update(commissionUnits).set({ remindedAt: new Date() }).where(eq(commissionUnits.commissionId, c.id));
    const deadline = new Date(Date.now() + 3 * DAY);
    await updateCommission(editor, c.id, { version: 2, deadline: iso(deadline) }, { now: new Date() });
    const sent = await sendCommissionReminders(systemViewer("scheduler"), new Date(deadline.getTime() - 12 * 3_600_000));
    expect(sent.filter((r) => r.commissionId === c.id)).toEqual([{ commissionId: c.id, unitId: unit.sft }]);
  });

  it("is for editors only", async () => {
    const c = await commission("权限", [unit.liaocheng]);
    const now = new Date();
    await expect(updateCommission(liaocheng, c.id, { version: 1, title: "x" }, { now })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateCommission(signer, c.id, { version: 1, title: "x" }, { now })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateCommission(anonymous, c.id, { version: 1, title: "x" }, { now })).rejects.toMatchObject({ code: "unauthorized" });
    await expect(cancelCommission(liaocheng, c.id, { version: 1, reason: "x" }, { now })).rejects.toMatchObject({ code: "forbidden" });
    await expect(cancelCommission(anonymous, c.id, { version: 1, reason: "x" }, { now })).rejects.toMatchObject({ code: "unauthorized" });
    await expect(updateCommission(editor, 999_999, { version: 1, title: "x" }, { now })).rejects.toMatchObject({ code: "not_found" });
    await expect(cancelCommission(editor, 999_999, { version: 1, reason: "x" }, { now })).rejects.toMatchObject({ code: "not_found" });
    expect(await row(c.id)).toMatchObject({ title: "权限", version: 1, cancelledAt: null });
  });
});

describe("cancelling a commission", () => {
  it("needs a reason of at most 500 characters", async () => {
    const c = await commission("撤销原因", [unit.liaocheng]);
    const now = new Date();
    for (const reason of ["", "   \n "]) {
      await expect(cancelCommission(editor, c.id, { version: 1, reason }, { now })).rejects.toMatchObject({ code: "invalid", fields: { reason: [expect.anything()] } });
    }
    await expect(cancelCommission(editor, c.id, { version: 1, reason: "因".repeat(501) }, { now })).rejects.toMatchObject({ code: "invalid", fields: { reason: [expect.anything()] } });
    expect(commissionCancelSchema.safeParse({ version: 1 }).success).toBe(false);
    expect(commissionCancelSchema.safeParse({ version: 1, reason: "x", extra: 1 }).success).toBe(false);
    expect((await row(c.id)).cancelledAt).toBeNull();
    const cancelled = await cancelCommission(editor, c.id, { version: 1, reason: "因".repeat(500) }, { now });
    expect(cancelled.cancelled?.reason).toHaveLength(500);
  });

  it("shows it 已撤销 with the reason, takes it off the desks, refuses answers and changes, tells the units, audits", async () => {
    const c = await commission("将被撤销", [unit.liaocheng, unit.weihai]);
    const answered = await answer(liaocheng, c.id);
    const draft = await createArticle(weihai, { title: "草稿", body: doc("写了一半"), commissionId: c.id });
    expect((await deskCommissions(weihai, new Date())).map((x) => x.id)).toContain(c.id);
    expect((await answerableCommissions(weihai, new Date())).map((x) => x.id)).toContain(c.id);

    const now = new Date();
    const cancelled = await cancelCommission(editor, c.id, { version: 1, reason: "  工作安排调整\u0007 " }, { now });
    expect(cancelled).toMatchObject({ version: 2, cancelled: { at: iso(now), reason: "工作安排调整", by: expect.any(String) } });
    expect((await listCommissions(editor, { now })).find((x) => x.id === c.id)!.cancelled).toMatchObject({ reason: "工作安排调整" });
    expect((await getCommission(weihai, c.id, { now })).cancelled).toMatchObject({ reason: "工作安排调整" });
    expect((await deskCommissions(weihai, new Date())).map((x) => x.id)).not.toContain(c.id);
    expect((await answerableCommissions(weihai, new Date())).map((x) => x.id)).not.toContain(c.id);
    for (const v of [liaocheng, weihai]) expect((await notices(v, c.id, "commission_cancelled")).map((n) => n.message)).toEqual([expect.stringContaining("工作安排调整")]);
    expect((await audits(c.id)).at(-1)).toEqual({ action: "commission.cancel", details: { version: 2, reason: "工作安排调整" } });

    // No new answer, by either way of linking; what was written stays.
    await expect(createArticle(weihai, { title: "再回复", body: doc("正文"), commissionId: c.id })).rejects.toMatchObject({
      code: "invalid",
      fields: { commissionId: [expect.anything()] },
    });
    const other = await createArticle(weihai, { title: "另写", body: doc("正文") });
    await expect(updateArticle(weihai, other.id, { version: other.version, commissionId: c.id })).rejects.toMatchObject({ code: "invalid", fields: { commissionId: [expect.anything()] } });
    expect((await getArticle(liaocheng, answered)).commissionId).toBe(c.id);
    expect((await getArticle(weihai, draft.id)).commissionId).toBe(c.id);
    expect((await getArticle(weihai, draft.id)).commission).toMatchObject({ id: c.id, cancelled: true });

    // The draft written for it, submitted now, goes in as an ordinary article: not an answer to a cancelled commission.
    await updateArticle(weihai, draft.id, { version: draft.version, body: doc("写完了") });
    await transitionArticle(weihai, draft.id, "submit");
    expect(await getArticle(weihai, draft.id)).toMatchObject({ status: "submitted", commissionId: null, commission: null });
    const units = (await getCommission(editor, c.id, { now: new Date() })).units;
    expect(units.find((u) => u.unitId === unit.weihai)).toMatchObject({ status: expect.not.stringMatching(/^answered$/), articles: [] });
    expect(units.find((u) => u.unitId === unit.liaocheng)).toMatchObject({ status: "answered" });
    const submitAudit = (await (await getDb()).select().from(auditLog).where(and(eq(auditLog.action, "article.submit"), eq(auditLog.targetId, String(draft.id)))))[0];
    expect(submitAudit?.details).toEqual({ cancelledCommissionId: c.id });
    // One that answered before the cancellation keeps its link when returned and resubmitted.
    await transitionArticle(editor, answered, "return", { comment: "请补充数据" });
    await transitionArticle(liaocheng, answered, "submit");
    expect((await getArticle(liaocheng, answered)).commissionId).toBe(c.id);

    // No change and no second cancellation: 409.
    await expect(updateCommission(editor, c.id, { version: 2, title: "撤销后修改" }, { now: new Date() })).rejects.toMatchObject({ code: "conflict" });
    await expect(cancelCommission(editor, c.id, { version: 2, reason: "再撤一次" }, { now: new Date() })).rejects.toMatchObject({ code: "conflict" });
    expect(await row(c.id)).toMatchObject({ title: "将被撤销", version: 2, cancelReason: "工作安排调整" });
    // No reminder for it either.
    expect((await sendCommissionReminders(systemViewer("scheduler"), new Date(Date.parse(c.deadline) - 3_600_000))).filter((r) => r.commissionId === c.id)).toEqual([]);
  });
});

describe(`a cancelled commission in the scores (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("counts neither as answered nor as missed: exact numbers for June 2031", async () => {
    await setWeights(systemViewer("test"), {
      weights: { submitted: 0, accepted: 0, published: 10, lead: 5, commissionOnTime: 3, commissionLate: 1, commissionMissed: -4 },
      effectiveFrom: "2031-01-01",
    });
    const at = (s: string) => new Date(`${s}+08:00`);
    // Both addressed to 聊城 and 威海; 聊城 answers both now (on time), 威海 neither (missed at the end of June).
    const kept = await commission("计分：保留", [unit.liaocheng, unit.weihai], at("2031-06-10T18:00:00"));
    const dropped = await commission("计分：撤销", [unit.liaocheng, unit.weihai], at("2031-06-20T18:00:00"));
    await answer(liaocheng, kept.id);
    await answer(liaocheng, dropped.id);
    const june = async () => {
      const report = await getUnitStats(editor, { period: "2031-06" }, at("2031-07-01T00:00:00"));
      const byUnit = (id: number) => report.units.find((r) => r.unitId === id)!;
      return {
        liaocheng: [byUnit(unit.liaocheng).commissionsOnTime, byUnit(unit.liaocheng).commissionsLate, byUnit(unit.liaocheng).commissionsMissed, byUnit(unit.liaocheng).scoreParts.commissions],
        weihai: [byUnit(unit.weihai).commissionsOnTime, byUnit(unit.weihai).commissionsLate, byUnit(unit.weihai).commissionsMissed, byUnit(unit.weihai).scoreParts.commissions],
        totals: [report.totals.commissionsOnTime, report.totals.commissionsLate, report.totals.commissionsMissed, report.totals.scoreParts.commissions],
      };
    };
    expect(await june()).toEqual({ liaocheng: [2, 0, 0, 6], weihai: [0, 0, 2, -8], totals: [2, 0, 2, -2] });
    await cancelCommission(editor, dropped.id, { version: 1, reason: "不再需要" }, { now: new Date() });
    expect(await june()).toEqual({ liaocheng: [1, 0, 0, 3], weihai: [0, 0, 1, -4], totals: [1, 0, 1, -1] });
  });
});
