// Integration: 批示 with 落实反馈, and 上级采用 — who may record and answer,
// bad input refused with the field named and nothing saved, the unit told,
// files linked only by the write that names them, the overdue flag on a
// clock the test moves, and the article's API view.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { loadDemoWithSigners } from "@/testing/signoff-people";
import { demoViewers } from "@/testing/demo-viewers";
import { makePng } from "@/testing/png";
import type { Viewer } from "@/lib/auth/permissions";
import { articleUpdateSchema, createArticle } from "@/lib/articles/mutations";
import { getArticle } from "@/lib/articles/articles";
import { listNotifications } from "@/lib/notifications/notifications";
import { getDb } from "@/db";
import { adoptions, articles, auditLog, instructionFeedback, instructionFiles, instructions, units } from "@/db/schema";
import { AppError, invalidInput } from "@/lib/errors";
import { answerInstruction, countAwaiting, instructionInputSchema, instructionListQuerySchema, instructionUnits, listAwaitingFeedback, listInstructions, listPublishedArticlesForRecording, recordInstruction } from "./instructions";
import { adoptionInputSchema, recordAdoption } from "./adoptions";
import { articleFollowUp } from "./follow-up";
import { getInstructionFile, storeInstructionFile } from "./files";

let db: TestDb;
let editor: Viewer, leader: Viewer, admin: Viewer, liaocheng: Viewer, weihai: Viewer;
let published: number; // a published 聊城 article of the demo issue
let draft: number; // a 聊城 draft

const at = (iso: string) => ({ now: new Date(iso) });
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function refused(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

async function rows(table: typeof instructions | typeof adoptions | typeof instructionFeedback) {
  const d = await getDb();
  const [r] = await d.select({ n: count() }).from(table);
  return r!.n;
}

beforeAll(async () => {
  db = await createTestDb();
  ({ editor, leader, admin, liaocheng } = await loadDemoWithSigners());
  [weihai] = await demoViewers("weihai@demo.local");
  const d = await getDb();
  const [lc] = await d
    .select({ id: articles.id })
    .from(articles)
    .innerJoin(units, eq(units.id, articles.unitId))
    .where(and(eq(units.name, "聊城市扶贫办"), eq(articles.status, "published")))
    .limit(1);
  published = lc!.id;
  draft = (await createArticle(liaocheng, { title: "未刊发的稿件" })).id;
});
afterAll(() => db?.drop());

describe("批示", () => {
  it("is recorded by a signer on a published article, tells the unit, and shows awaiting on the ledger and the desk", async () => {
    const { id } = await recordInstruction(leader, published, { leader: "王某某", level: "provincial", date: "2026-03-02", text: "此做法很好，请认真总结推广。" }, at("2026-03-03T02:00:00Z"));
    expect(id).toBeGreaterThan(0);
    const notices = await listNotifications(liaocheng);
    expect(notices[0]).toMatchObject({ type: "instruction", articleId: published });
    expect(notices[0]!.message).toContain("王某某（省级）");
    // Another unit hears nothing.
    expect((await listNotifications(weihai)).some((n) => n.type === "instruction")).toBe(false);

    const ledger = await listInstructions(editor, {}, at("2026-03-10T02:00:00Z"));
    const row = ledger.instructions.find((i) => i.id === id)!;
    expect(row).toMatchObject({ leader: "王某某", level: "provincial", date: "2026-03-02", unit: "聊城市扶贫办", state: "awaiting", overdue: false, dueDate: "2026-03-18" });
    expect(row.issue).toContain("2017年第88期");
    expect(ledger.feedbackDays).toBe(15);
    expect((await listAwaitingFeedback(liaocheng, at("2026-03-10T02:00:00Z"))).map((i) => i.id)).toContain(id);
    expect(await listAwaitingFeedback(weihai)).toEqual([]);

    const audit = await (await getDb()).select().from(auditLog).where(eq(auditLog.action, "article.instruction"));
    expect(audit.at(-1)).toMatchObject({ targetType: "article", targetId: String(published) });
  });

  it("the ledger filters by unit, and offers the units that drew an instruction", async () => {
    const d = await getDb();
    const unitId = async (name: string) => (await d.select({ id: units.id }).from(units).where(eq(units.name, name)))[0]!.id;
    const [lc, wh] = [await unitId("聊城市扶贫办"), await unitId("威海市扶贫办")];
    expect(await instructionUnits(editor)).toEqual([{ id: lc, name: "聊城市扶贫办" }]);
    const ofLiaocheng = (await listInstructions(editor, { unit: lc })).instructions;
    expect(ofLiaocheng.length).toBeGreaterThan(0);
    expect(ofLiaocheng.every((i) => i.unit === "聊城市扶贫办")).toBe(true);
    expect((await listInstructions(leader, instructionListQuerySchema.parse({ unit: String(wh) }))).instructions).toEqual([]);
    expect(instructionListQuerySchema.safeParse({ unit: "x" }).success).toBe(false);
    await expect(instructionUnits(liaocheng)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("is refused to contributors (403) and signed-out visitors (401); adoptions to signers", async () => {
    const body = { leader: "王某某", level: "county" as const, date: "2026-03-02", text: "阅。" };
    expect((await refused(recordInstruction(liaocheng, published, body))).status).toBe(403);
    expect((await refused(recordInstruction({ kind: "anonymous" }, published, body))).status).toBe(401);
    expect((await refused(recordAdoption(leader, published, { by: "省政府办公厅", level: "provincial", date: "2026-03-02" }))).status).toBe(403);
    expect((await refused(listInstructions({ kind: "anonymous" }))).status).toBe(401);
  });

  it("refuses bad input with the field named, and saves nothing", async () => {
    const before = await rows(instructions);
    const now = at("2026-03-03T02:00:00Z");
    const cases: [unknown, string][] = [
      [{ leader: "王某某", level: "district", date: "2026-03-02", text: "阅" }, "level"],
      [{ leader: "王某某", level: "county", date: "2026-03-04", text: "阅" }, "date"], // after today (China time)
      [{ leader: "王某某", level: "county", date: "2026-02-30", text: "阅" }, "date"],
      [{ leader: "王某某", level: "county", date: "2026-03-02", text: "   " }, "text"],
      [{ leader: "", level: "county", date: "2026-03-02", text: "阅" }, "leader"],
      [{ leader: "王某某", level: "county", date: "2026-03-02", text: "阅", extra: 1 }, ""],
    ];
    for (const [body, field] of cases) {
      // As the route answers: its schema refuses what does not fit, the service the rest (a day still to come).
      const parsed = instructionInputSchema.safeParse(body);
      const e = parsed.success ? await refused(recordInstruction(editor, published, parsed.data, now)) : invalidInput(parsed.error, "instruction.invalid");
      expect(e.status, JSON.stringify(body)).toBe(422);
      if (field) expect(Object.keys(e.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    // Not on an unpublished article; not on one that does not exist.
    expect((await refused(recordInstruction(editor, draft, { leader: "王某某", level: "county", date: "2026-03-02", text: "阅" }, now))).status).toBe(409);
    expect((await refused(recordInstruction(editor, 999999, { leader: "王某某", level: "county", date: "2026-03-02", text: "阅" }, now))).status).toBe(404);
    // A scan that is not the recorder's own unlinked upload refuses the whole instruction.
    expect((await refused(recordInstruction(editor, published, { leader: "王某某", level: "county", date: "2026-03-02", text: "阅", scanId: 999999 }, now))).fields).toHaveProperty("scanId");
    expect(await rows(instructions)).toBe(before);
  });

  it("keeps the scan private: type-checked by content, linked once, served to the unit and the desks only", async () => {
    const e = await refused(storeInstructionFile(leader, new Uint8Array(Buffer.from("<html><script>alert(1)</script>")), "scan.pdf"));
    expect(e.status).toBe(422);
    expect(e.fields).toHaveProperty("file");
    process.env.INSTRUCTION_FILE_MAX_BYTES = "100";
    try {
      expect((await refused(storeInstructionFile(leader, new Uint8Array(makePng(200, 200)), "big.png"))).status).toBe(413);
    } finally {
      delete process.env.INSTRUCTION_FILE_MAX_BYTES;
    }
    const scan = await storeInstructionFile(leader, new Uint8Array(PDF), "../批示件.pdf");
    expect(scan).toMatchObject({ mime: "application/pdf", name: "批示件.pdf" });
    // Nobody else may use or see an unlinked upload.
    expect((await refused(recordInstruction(editor, published, { leader: "李某", level: "municipal", date: "2026-03-02", text: "请跟进。", scanId: scan.id }, at("2026-03-03T02:00:00Z")))).fields).toHaveProperty("scanId");
    expect((await refused(getInstructionFile(liaocheng, scan.id))).status).toBe(404);
    const { id } = await recordInstruction(leader, published, { leader: "李某", level: "municipal", date: "2026-03-02", text: "请跟进。", scanId: scan.id }, at("2026-03-03T02:00:00Z"));
    expect((await getInstructionFile(liaocheng, scan.id)).mime).toBe("application/pdf");
    expect((await getInstructionFile(editor, scan.id)).data.equals(PDF)).toBe(true);
    expect((await refused(getInstructionFile(weihai, scan.id))).status).toBe(404);
    // Linked once: it cannot be moved to another instruction.
    expect((await refused(recordInstruction(leader, published, { leader: "李某", level: "municipal", date: "2026-03-02", text: "再阅。", scanId: scan.id }))).fields).toHaveProperty("scanId");
    const view = (await listInstructions(editor)).instructions.find((i) => i.id === id)!;
    expect(view.scan).toMatchObject({ id: scan.id, name: "批示件.pdf", url: `/api/v1/instruction-files/${scan.id}` });
  });
});

describe("落实反馈", () => {
  it("is answered by the article's unit only, sanitized like an article body, with attachments", async () => {
    const { id } = await recordInstruction(editor, published, { leader: "赵某", level: "national", date: "2026-04-01", text: "要总结经验。" }, at("2026-04-01T02:00:00Z"));
    // Editors and signers do not answer; another unit's instruction does not exist for a contributor.
    expect((await refused(answerInstruction(editor, id, { text: "已落实" }))).status).toBe(403);
    expect((await refused(answerInstruction(leader, id, { text: "已落实" }))).status).toBe(403);
    expect((await refused(answerInstruction(weihai, id, { text: "已落实" }))).status).toBe(404);
    expect((await refused(answerInstruction(liaocheng, 999999, { text: "已落实" }))).status).toBe(404);
    // Empty feedback, a file that is not an image or PDF, an attachment of someone else's.
    const before = await rows(instructionFeedback);
    expect((await refused(answerInstruction(liaocheng, id, { text: "<p>  </p>" }))).fields).toHaveProperty("text");
    expect((await refused(answerInstruction(liaocheng, id, { body: { type: "doc", content: [{ type: "paragraph" }] } }))).fields).toHaveProperty("body");
    expect((await refused(answerInstruction(liaocheng, id, {}))).fields).toHaveProperty("text");
    const foreign = await storeInstructionFile(weihai, new Uint8Array(makePng()), "x.png");
    expect((await refused(answerInstruction(liaocheng, id, { text: "已落实", attachmentIds: [foreign.id] }))).fields).toHaveProperty("attachmentIds");
    expect(await rows(instructionFeedback)).toBe(before);
    expect(await (await getDb()).select().from(instructionFiles).where(eq(instructionFiles.id, foreign.id)).then((r) => r[0]!.feedbackId)).toBeNull();

    const photo = await storeInstructionFile(liaocheng, new Uint8Array(makePng()), "现场照片.png");
    const made = await answerInstruction(
      liaocheng,
      id,
      { text: '<p onclick="x()">已召开专题会议<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">落实</a></p>', attachmentIds: [photo.id] },
      at("2026-04-20T02:00:00Z"),
    );
    expect(made.createdAt).toBe("2026-04-20T02:00:00.000Z");
    // The editor who recorded it hears back.
    expect((await listNotifications(editor))[0]).toMatchObject({ type: "instruction-feedback", articleId: published });
    expect((await listNotifications(editor))[0]!.message).toBe("聊城市扶贫办报送了落实反馈：赵某对《聊城市狠抓“六项举措”集中优势兵力重点突破》的批示");
    const view = (await listInstructions(editor, {}, at("2026-04-25T02:00:00Z"))).instructions.find((i) => i.id === id)!;
    // Due 2026-04-16: answered four days late.
    expect(view).toMatchObject({ state: "answered", answeredAt: "2026-04-20T02:00:00.000Z", dueDate: "2026-04-16", overdue: false, late: true });
    const html = view.feedback[0]!.html;
    expect(html).toContain("已召开专题会议");
    expect(html).not.toMatch(/script|onerror|onclick|javascript:/i);
    expect(view.feedback[0]!.files.map((f) => f.name)).toEqual(["现场照片.png"]);
    expect((await getInstructionFile(editor, photo.id)).mime).toBe("image/png");
    // Plain text is kept as paragraphs, markup in it as text.
    await answerInstruction(liaocheng, id, { text: "补充：一、已建立台账\n二、已完成整改" });
    const again = (await listInstructions(editor)).instructions.find((i) => i.id === id)!;
    expect(again.feedback[1]!.html).toBe("<p>补充：一、已建立台账</p><p>二、已完成整改</p>");
  });

  it("flags feedback overdue after the configured number of days, on the clock passed in", async () => {
    const { id } = await recordInstruction(leader, published, { leader: "钱某", level: "county", date: "2026-05-01", text: "请抓紧。" }, at("2026-05-03T02:00:00Z"));
    // Recorded on 05-03 (later than the 批示's date): due 05-18.
    const state = async (iso: string) => (await listInstructions(editor, {}, at(iso))).instructions.find((i) => i.id === id)!;
    expect(await state("2026-05-18T15:59:00Z")).toMatchObject({ overdue: false, dueDate: "2026-05-18" }); // 23:59 China time
    expect(await state("2026-05-18T16:00:00Z")).toMatchObject({ overdue: true }); // 05-19 00:00 China time
    expect((await listInstructions(editor, { state: "overdue" }, at("2026-05-20T00:00:00Z"))).instructions.map((i) => i.id)).toContain(id);
    expect((await listInstructions(editor, { state: "answered" }, at("2026-05-20T00:00:00Z"))).instructions.map((i) => i.id)).not.toContain(id);
    expect((await countAwaiting(editor, at("2026-05-20T00:00:00Z"))).overdue).toBeGreaterThanOrEqual(1);
    process.env.INSTRUCTION_FEEDBACK_DAYS = "30";
    try {
      expect(await state("2026-05-20T00:00:00Z")).toMatchObject({ overdue: false, dueDate: "2026-06-02" });
      process.env.INSTRUCTION_FEEDBACK_DAYS = "zero";
      await expect(listInstructions(editor)).rejects.toThrow(/INSTRUCTION_FEEDBACK_DAYS/);
    } finally {
      delete process.env.INSTRUCTION_FEEDBACK_DAYS;
    }
    // A contributor's ledger is their unit's; another unit's is empty of it.
    expect((await listInstructions(liaocheng)).instructions.map((i) => i.id)).toContain(id);
    expect((await listInstructions(weihai)).instructions.map((i) => i.id)).not.toContain(id);
  });
});

describe("上级采用", () => {
  it("is recorded by an editor on a published article and listed with the article's 批示", async () => {
    const before = await rows(adoptions);
    const bad: [unknown, string][] = [
      [{ by: "", level: "provincial", date: "2026-03-02" }, "by"],
      [{ by: "省政府办公厅", level: "province", date: "2026-03-02" }, "level"],
      [{ by: "省政府办公厅", level: "provincial", date: "2099-01-01" }, "date"],
      [{ by: "省政府办公厅", level: "provincial", date: "2026-03-02", note: "x".repeat(501) }, "note"],
    ];
    for (const [body, field] of bad) {
      // As the route answers: its schema refuses what does not fit, the service the rest (a day still to come).
      const parsed = adoptionInputSchema.safeParse(body);
      const e = parsed.success ? await refused(recordAdoption(editor, published, parsed.data)) : invalidInput(parsed.error, "adoption.invalid");
      expect(Object.keys(e.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    expect((await refused(recordAdoption(editor, draft, { by: "省政府办公厅", level: "provincial", date: "2026-03-02" }))).status).toBe(409);
    expect(await rows(adoptions)).toBe(before);

    const { id } = await recordAdoption(editor, published, { by: "省政府办公厅", level: "provincial", date: "2026-03-05", note: "《政务信息》第12期" });
    const follow = await articleFollowUp(liaocheng, { id: published, unitId: (await unitOf(published)) });
    expect(follow.adoptions).toEqual([expect.objectContaining({ id, by: "省政府办公厅", level: "provincial", date: "2026-03-05", note: "《政务信息》第12期" })]);
    expect(follow.instructions.length).toBeGreaterThanOrEqual(3);
    // Another unit does not see them; admins record adoptions too.
    expect((await refused(articleFollowUp(weihai, { id: published, unitId: await unitOf(published) }))).status).toBe(404);
    await recordAdoption(admin, published, { by: "国务院办公厅", level: "national", date: "2026-03-06" });
    // What GET /api/v1/articles/{id} gives can be sent back with a PATCH (the new lists are read-only).
    const asApi = { ...(await getArticle(liaocheng, published)), ...follow };
    expect(articleUpdateSchema.safeParse(JSON.parse(JSON.stringify(asApi))).success).toBe(true);
    // The signer's form offers published articles only.
    const offered = await listPublishedArticlesForRecording(leader);
    expect(offered.map((a) => a.id)).toContain(published);
    expect(offered.map((a) => a.id)).not.toContain(draft);
  });
});

async function unitOf(articleId: number) {
  const [a] = await (await getDb()).select({ unitId: articles.unitId }).from(articles).where(eq(articles.id, articleId));
  return a!.unitId;
}
