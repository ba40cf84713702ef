// Integration: 约稿 on a fresh database (PGlite, or PostgreSQL with DATABASE_URL).
// Time moves by the `now` each call is given — no sleeping: a commission
// created "three days ago" with a deadline "yesterday" is late for a
// submission made now.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { invalidInput } from "@/lib/errors";
import { commissionUnits, commissions, notifications, units } from "@/db/schema";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { loadDemo } from "@/lib/demo/load-demo";
import { demoCommissionCast } from "@/testing/demo-viewers";
import { anonymous, systemViewer, type Viewer } from "@/lib/auth/permissions";
import { getArticle } from "@/lib/articles/articles";
import { articleUpdateSchema, createArticle, transitionArticle, updateArticle } from "@/lib/articles/mutations";
import { listNotifications } from "@/lib/notifications/notifications";
import { payloadGroups } from "@/testing/xss-fixtures";
import { inspectHtml, normalizeText } from "@/testing/xss-static";
import { XSS_PAYLOADS } from "@/testing/xss-payloads";
import { commissionInputSchema, commissionStatus, createCommission, deskCommissions, getCommission, listCommissions, sendCommissionReminders } from "./commissions";

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

const doc = (...paragraphs: string[]) => ({ type: "doc" as const, content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) });
const iso = (d: Date) => d.toISOString();

async function rowCounts() {
  const d = await getDb();
  const [c] = await d.select({ n: count() }).from(commissions);
  const [u] = await d.select({ n: count() }).from(commissionUnits);
  const [n] = await d.select({ n: count() }).from(notifications);
  return { commissions: c!.n, units: u!.n, notifications: n!.n };
}

/** Writes, and submits unless `draft`, an article of `viewer`'s unit answering commission `id`. */
async function answer(viewer: Viewer, id: number, { draft = false } = {}) {
  const created = await createArticle(viewer, { title: `回复约稿${id}`, body: doc("按约稿要求报送的信息。"), commissionId: id });
  if (!draft) await transitionArticle(viewer, created.id, "submit");
  return created.id;
}

const stateOf = (c: { units: { unitId: number; status: string; late: boolean | null }[] }, unitId: number) => {
  const u = c.units.find((x) => x.unitId === unitId);
  return u ? { status: u.status, late: u.late } : undefined;
};

describe("the status rule", () => {
  it("is open before the deadline, missed after it, answered (on time or late) once submitted", () => {
    const deadline = new Date("2026-12-10T10:00:00Z");
    expect(commissionStatus(deadline, null, new Date("2026-12-09T10:00:00Z"))).toEqual({ status: "open", late: null });
    expect(commissionStatus(deadline, null, deadline)).toEqual({ status: "open", late: null });
    expect(commissionStatus(deadline, null, new Date("2026-12-10T10:00:01Z"))).toEqual({ status: "missed", late: null });
    expect(commissionStatus(deadline, new Date("2026-12-10T10:00:00Z"), new Date("2026-12-20T00:00:00Z"))).toEqual({ status: "answered", late: false });
    expect(commissionStatus(deadline, new Date("2026-12-10T10:00:01Z"), new Date("2026-12-20T00:00:00Z"))).toEqual({ status: "answered", late: true });
    // A submission after `now` has not happened yet at `now`.
    expect(commissionStatus(deadline, new Date("2026-12-09T12:00:00Z"), new Date("2026-12-09T11:00:00Z"))).toEqual({ status: "open", late: null });
  });
});

describe("writing a commission", () => {
  const valid = () => ({ title: "关于报送冬季防火工作信息的约稿", brief: "<p>请报送本地冬季防火的做法和成效。</p>", deadline: iso(new Date(Date.now() + 3 * DAY)), unitIds: [unit.liaocheng, unit.weihai] });

  it("is for editors: contributors and signers are refused, the signed-out asked to sign in", async () => {
    const now = new Date();
    await expect(createCommission(liaocheng, valid(), { now })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createCommission(signer, valid(), { now })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createCommission(anonymous, valid(), { now })).rejects.toMatchObject({ code: "unauthorized" });
    await expect(listCommissions(signer, { now })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listCommissions(anonymous, { now })).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("refuses bad input naming the field, and saves nothing of it", async () => {
    const now = new Date();
    const before = await rowCounts();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ deadline: iso(new Date(now.getTime() - 60_000)) }, "deadline", "截止时间须晚于现在"],
      [{ deadline: iso(now) }, "deadline", "截止时间须晚于现在"],
      [{ deadline: "明天" }, "deadline", "请填写截止时间"],
      [{ deadline: "2026-12-05T18:00:00" }, "deadline", "含时区"],
      [{ unitIds: [] }, "unitIds", "至少选择一个单位"],
      [{ unitIds: [unit.liaocheng, 999_999] }, "unitIds", "单位 999999 不存在"],
      [{ unitIds: ["聊城"] }, "unitIds", "单位编号无效"],
      [{ unitIds: undefined }, "unitIds", "至少选择一个单位"],
      [{ title: "  " }, "title", "请填写约稿标题"],
      [{ title: undefined }, "title", "请填写约稿标题"],
      [{ title: "长".repeat(201) }, "title", "200"],
      [{ brief: "<p>  </p>" }, "brief", "请填写约稿要求"],
      [{ brief: "<script>alert(1)</script>" }, "brief", "请填写约稿要求"],
      [{ brief: { type: "doc", content: [{ type: "script" }] } }, "brief", ""],
      [{ brief: undefined }, "brief", "请填写约稿要求"],
      [{ publication: "no-such" }, "publication", "no-such"],
      [{ surprise: 1 }, "", ""],
    ];
    for (const [patch, field, words] of cases) {
      // As POST /api/v1/commissions answers: the route's schema refuses what does not fit it, the service the rest.
      const parsed = commissionInputSchema.safeParse({ ...valid(), ...patch });
      const error = parsed.success
        ? await createCommission(editor, parsed.data, { now }).then(
            () => null,
            (e) => e,
          )
        : invalidInput(parsed.error, "commission.invalid");
      expect(error, JSON.stringify(patch)).toMatchObject({ code: "invalid" });
      if (field) expect(error.fields?.[field]?.join(" "), JSON.stringify(patch)).toContain(words);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a deactivated unit, after everything else checked out, with nothing half-saved", async () => {
    const d = await getDb();
    const [closed] = await d.insert(units).values({ name: "已撤并的单位", active: false }).returning();
    const before = await rowCounts();
    await expect(createCommission(editor, { ...valid(), unitIds: [unit.liaocheng, closed!.id] }, { now: new Date() })).rejects.toMatchObject({
      code: "invalid",
      fields: { unitIds: [expect.stringContaining("已撤并的单位")] },
    });
    expect(await rowCounts()).toEqual(before);
  });

  it("sanitizes the brief on the server and tells each addressed unit's contributors", async () => {
    const now = new Date();
    const created = await createCommission(
      editor,
      { ...valid(), title: "  防汛\n信息约稿 ", brief: '<p onclick="__xss()">请报送<script>__xss()</script><img src=x onerror=__xss()><a href="javascript:__xss()">做法</a></p>', publication: "sdtp" },
      { now },
    );
    expect(created).toMatchObject({ title: "防汛 信息约稿", publication: { slug: "sdtp" }, createdBy: expect.any(String) });
    expect(created.briefHtml).toBe("<p>请报送做法</p>");
    expect(created.units.map((u) => u.unitId)).toEqual([unit.liaocheng, unit.weihai]);
    expect(created.units.every((u) => u.status === "open" && u.articleIds.length === 0)).toBe(true);
    const notice = (await listNotifications(liaocheng)).find((n) => n.commissionId === created.id);
    expect(notice).toMatchObject({ type: "commission", read: false });
    expect(notice!.message).toContain("防汛 信息约稿");
    expect((await listNotifications(weihai)).some((n) => n.commissionId === created.id)).toBe(true);
    expect((await listNotifications(sft)).some((n) => n.commissionId === created.id)).toBe(false);
  });
});

describe("who sees a commission", () => {
  let id: number;
  beforeAll(async () => {
    id = (await createCommission(editor, { title: "可见范围", brief: "<p>要求</p>", deadline: iso(new Date(Date.now() + DAY * 5)), unitIds: [unit.liaocheng, unit.weihai] }, { now: new Date() })).id;
  });

  it("shows editors every addressed unit, a contributor only their own unit's row", async () => {
    const now = new Date();
    expect((await getCommission(editor, id, { now })).units).toHaveLength(2);
    const own = await getCommission(liaocheng, id, { now });
    expect(own.units.map((u) => u.unitId)).toEqual([unit.liaocheng]);
    expect((await listCommissions(weihai, { now })).find((c) => c.id === id)!.units.map((u) => u.unitId)).toEqual([unit.weihai]);
  });

  it("does not exist for a unit it was not addressed to", async () => {
    const now = new Date();
    await expect(getCommission(sft, id, { now })).rejects.toMatchObject({ code: "not_found" });
    await expect(getCommission(sft, 999_999, { now })).rejects.toMatchObject({ code: "not_found" });
    expect((await listCommissions(sft, { now })).some((c) => c.id === id)).toBe(false);
    expect((await deskCommissions(sft, now)).some((c) => c.id === id)).toBe(false);
    await expect(getCommission(signer, id, { now })).rejects.toMatchObject({ code: "forbidden" });
    await expect(getCommission(anonymous, id, { now })).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("refuses an answer from a unit not addressed, naming the field, and keeps nothing", async () => {
    await expect(createArticle(sft, { title: "不该回复", body: doc("正文"), commissionId: id })).rejects.toMatchObject({ code: "invalid", fields: { commissionId: expect.any(Array) } });
    await expect(createArticle(sft, { title: "不存在的约稿", body: doc("正文"), commissionId: 999_999 })).rejects.toMatchObject({ code: "invalid", fields: { commissionId: expect.any(Array) } });
    await expect(createArticle(editor, { title: "代录", unit: "省司法厅", body: doc("正文"), commissionId: id })).rejects.toMatchObject({ code: "invalid", fields: { commissionId: expect.any(Array) } });
    const own = await createArticle(sft, { title: "本单位稿件", body: doc("正文") });
    await expect(updateArticle(sft, own.id, { version: own.version, commissionId: id })).rejects.toMatchObject({ code: "invalid", fields: { commissionId: expect.any(Array) } });
    const after = await getArticle(sft, own.id);
    expect({ version: after.version, commissionId: after.commissionId }).toEqual({ version: 1, commissionId: null });
  });

  it("links, round-trips and unlinks an article of an addressed unit", async () => {
    const { id: articleId, version } = await createArticle(liaocheng, { title: "先写后关联", body: doc("正文") });
    const linked = await updateArticle(liaocheng, articleId, { version, commissionId: id });
    const article = await getArticle(liaocheng, articleId);
    expect(article.commission).toMatchObject({ id, title: "可见范围" });
    // GET then PATCH with what was read keeps the link.
    const { author: _a, ...read } = article;
    const again = await updateArticle(liaocheng, articleId, articleUpdateSchema.parse({ ...read, version: linked.version }));
    expect((await getArticle(liaocheng, articleId)).commissionId).toBe(id);
    await updateArticle(liaocheng, articleId, { version: again.version, commissionId: null });
    expect((await getArticle(liaocheng, articleId)).commission).toBeNull();
  });
});

describe("status over time", () => {
  it("open → answered on time; open → missed when the clock passes the deadline", async () => {
    const t0 = new Date();
    const deadline = new Date(t0.getTime() + 2 * DAY);
    const { id } = await createCommission(editor, { title: "按时与逾期", brief: "<p>要求</p>", deadline: iso(deadline), unitIds: [unit.liaocheng, unit.weihai] }, { now: t0 });
    const at = async (now: Date) => getCommission(editor, id, { now });
    expect(stateOf(await at(t0), unit.liaocheng)).toEqual({ status: "open", late: null });

    // A draft is no answer; submitting is.
    const draftId = await answer(liaocheng, id, { draft: true });
    expect(stateOf(await at(new Date()), unit.liaocheng)).toEqual({ status: "open", late: null });
    expect((await at(new Date())).units.find((u) => u.unitId === unit.liaocheng)!.articleIds).toEqual([draftId]);
    await transitionArticle(liaocheng, draftId, "submit");
    const answered = await at(new Date());
    expect(stateOf(answered, unit.liaocheng)).toEqual({ status: "answered", late: false });
    expect(answered.units.find((u) => u.unitId === unit.liaocheng)!.answeredAt).not.toBeNull();
    expect(stateOf(answered, unit.weihai)).toEqual({ status: "open", late: null });

    // Three days on: 聊城 answered on time, 威海 missed it.
    const later = await at(new Date(t0.getTime() + 3 * DAY));
    expect(stateOf(later, unit.liaocheng)).toEqual({ status: "answered", late: false });
    expect(stateOf(later, unit.weihai)).toEqual({ status: "missed", late: null });
    // The editor's decisions do not change that it was answered.
    await transitionArticle(editor, draftId, "return", { comment: "请补充" });
    expect(stateOf(await at(new Date(t0.getTime() + 3 * DAY)), unit.liaocheng)).toEqual({ status: "answered", late: false });
  });

  it("answered late: submitted after the deadline (a commission written three days ago, due yesterday)", async () => {
    const now = new Date();
    const t0 = new Date(now.getTime() - 3 * DAY);
    const deadline = new Date(now.getTime() - DAY);
    const { id } = await createCommission(editor, { title: "逾期报送", brief: "<p>要求</p>", deadline: iso(deadline), unitIds: [unit.liaocheng, unit.weihai] }, { now: t0 });
    // Two days ago both were open.
    const before = await getCommission(editor, id, { now: new Date(now.getTime() - 2 * DAY) });
    expect([stateOf(before, unit.liaocheng), stateOf(before, unit.weihai)]).toEqual([{ status: "open", late: null }, { status: "open", late: null }]);
    // Now both have missed it; 聊城 still answers, late.
    expect(stateOf(await getCommission(editor, id, { now }), unit.liaocheng)).toEqual({ status: "missed", late: null });
    await answer(liaocheng, id);
    const after = await getCommission(editor, id, { now: new Date() });
    expect(stateOf(after, unit.liaocheng)).toEqual({ status: "answered", late: true });
    expect(stateOf(after, unit.weihai)).toEqual({ status: "missed", late: null });
    // The answer as of two days ago had not happened yet.
    expect(stateOf(await getCommission(editor, id, { now: new Date(now.getTime() - 2 * DAY) }), unit.liaocheng)).toEqual({ status: "open", late: null });
  });

  it("a withdrawn submission is no answer", async () => {
    const now = new Date();
    const { id } = await createCommission(editor, { title: "撤回", brief: "<p>要求</p>", deadline: iso(new Date(now.getTime() + DAY * 2)), unitIds: [unit.weihai] }, { now });
    const articleId = await answer(weihai, id);
    expect(stateOf(await getCommission(weihai, id, { now: new Date() }), unit.weihai)).toEqual({ status: "answered", late: false });
    await transitionArticle(weihai, articleId, "withdraw");
    expect(stateOf(await getCommission(weihai, id, { now: new Date() }), unit.weihai)).toEqual({ status: "open", late: null });
  });

  it("puts the unanswered ones on the unit's desk, soonest first, and drops them once answered", async () => {
    const now = new Date();
    const far = await createCommission(editor, { title: "桌面较晚", brief: "<p>要求</p>", deadline: iso(new Date(now.getTime() + 9 * DAY)), unitIds: [unit.sft] }, { now });
    const near = await createCommission(editor, { title: "桌面较早", brief: "<p>要求</p>", deadline: iso(new Date(now.getTime() + 1.5 * DAY)), unitIds: [unit.sft] }, { now });
    const desk = (await deskCommissions(sft, new Date())).map((c) => c.id);
    expect(desk.indexOf(near.id)).toBeLessThan(desk.indexOf(far.id));
    await answer(sft, near.id);
    expect((await deskCommissions(sft, new Date())).map((c) => c.id)).not.toContain(near.id);
    // Long past its deadline and never answered: off the desk (still in the list).
    const long = new Date(now.getTime() + 60 * DAY);
    expect((await deskCommissions(sft, long)).map((c) => c.id)).not.toContain(far.id);
    expect((await listCommissions(sft, { now: long })).find((c) => c.id === far.id)!.units[0]!.status).toBe("missed");
    expect(await deskCommissions(editor, now)).toEqual([]);
  });
});

describe("the reminder a day before the deadline", () => {
  it("goes once per commission and unit, only to units that have not answered", async () => {
    const t0 = new Date();
    const deadline = new Date(t0.getTime() + 3 * DAY);
    const { id } = await createCommission(editor, { title: "提醒测试", brief: "<p>要求</p>", deadline: iso(deadline), unitIds: [unit.liaocheng, unit.weihai, unit.sft] }, { now: t0 });
    await answer(sft, id);
    const system = systemViewer("scheduler");
    const reminders = async (viewer: Viewer) => (await listNotifications(viewer, 100)).filter((n) => n.commissionId === id && n.type === "commission_reminder");
    // Two days before: too early.
    expect((await sendCommissionReminders(system, new Date(deadline.getTime() - 2 * DAY))).filter((r) => r.commissionId === id)).toEqual([]);
    // Twelve hours before: 聊城 and 威海 (not 省司法厅, which answered).
    const sent = (await sendCommissionReminders(system, new Date(deadline.getTime() - 12 * 3_600_000))).filter((r) => r.commissionId === id);
    expect(sent.map((r) => r.unitId).sort()).toEqual([unit.liaocheng, unit.weihai].sort());
    expect(await reminders(liaocheng)).toHaveLength(1);
    expect((await reminders(liaocheng))[0]!.message).toContain("提醒测试");
    expect(await reminders(sft)).toHaveLength(0);
    // Again, and again later: nothing more.
    expect((await sendCommissionReminders(system, new Date(deadline.getTime() - 11 * 3_600_000))).filter((r) => r.commissionId === id)).toEqual([]);
    await Promise.all([sendCommissionReminders(system, new Date(deadline.getTime() - 3_600_000)), sendCommissionReminders(system, new Date(deadline.getTime() - 3_600_000))]);
    expect(await reminders(liaocheng)).toHaveLength(1);
    expect(await reminders(weihai)).toHaveLength(1);
    // Past the deadline: no reminder for a missed commission.
    expect((await sendCommissionReminders(system, new Date(deadline.getTime() + DAY))).filter((r) => r.commissionId === id)).toEqual([]);
    await expect(sendCommissionReminders(liaocheng, t0)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("is not sent for a commission due within a day of its writing (its notice says the deadline)", async () => {
    const t0 = new Date();
    const { id } = await createCommission(editor, { title: "当天约稿", brief: "<p>要求</p>", deadline: iso(new Date(t0.getTime() + 6 * 3_600_000)), unitIds: [unit.weihai] }, { now: t0 });
    expect((await sendCommissionReminders(systemViewer("scheduler"), new Date(t0.getTime() + 3_600_000))).filter((r) => r.commissionId === id)).toEqual([]);
    const d = await getDb();
    const [row] = await d.select().from(commissionUnits).where(eq(commissionUnits.commissionId, id));
    expect(row!.remindedAt).not.toBeNull();
  });
});

describe(`the XSS corpus in commissions (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("keeps every payload as text in titles and briefs, and renders HTML briefs with nothing executable", async () => {
    const now = new Date();
    const deadline = iso(new Date(now.getTime() + 5 * DAY));
    let asText = 0;
    for (const group of payloadGroups(20)) {
      const created = await createCommission(editor, { title: group[0]!, brief: doc(...group), deadline, unitIds: [unit.liaocheng] }, { now });
      const read = await getCommission(liaocheng, created.id, { now });
      expect((read.brief.content ?? []).map((p) => (p.content ?? []).map((t) => t.text ?? "").join(""))).toEqual(group);
      expect(normalizeText(read.title)).toBe(normalizeText(group[0]!).slice(0, 200));
      expect(inspectHtml(read.briefHtml, { fragment: true }).findings).toEqual([]);
      asText += group.length;
    }
    expect(asText).toBe(XSS_PAYLOADS.length);
    // HTML briefs, twenty payloads to one; a group refused (422 naming the brief: nothing safe left) is halved until each refused payload stands alone.
    let rendered = 0;
    let refused = 0;
    const send = async (group: string[]): Promise<void> => {
      try {
        const created = await createCommission(editor, { title: "HTML 探针", brief: `<p>探针</p>${group.map((p) => `<p>${p}</p>`).join("")}`, deadline, unitIds: [unit.liaocheng] }, { now });
        expect(inspectHtml(created.briefHtml, { fragment: true }).findings, group.join(" ")).toEqual([]);
        rendered += group.length;
      } catch (e) {
        expect(e, group.join(" ")).toMatchObject({ code: "invalid", fields: { brief: expect.any(Array) } });
        if (group.length === 1) return void (refused += 1);
        await send(group.slice(0, Math.ceil(group.length / 2)));
        await send(group.slice(Math.ceil(group.length / 2)));
      }
    };
    for (const group of payloadGroups(20)) await send(group);
    expect(rendered + refused).toBe(XSS_PAYLOADS.length);
    expect(rendered).toBeGreaterThan(XSS_PAYLOADS.length / 2);
  });
});
