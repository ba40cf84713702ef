// The 信息工作通报 of the demo month against the statistics of the same
// month: the same numbers row by row — articles, 约稿完成, 批示, 上级采用,
// score and rank — and the month's 批示 and 上级采用 listed (and nothing
// from another month).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { articleEvents, articles, commissionUnits, commissions, units } from "@/db/schema";
import { systemViewer, type Viewer } from "@/lib/auth/permissions";
import { loadDemo } from "@/lib/demo/load-demo";
import { recordInstruction } from "@/lib/instructions/instructions";
import { recordAdoption } from "@/lib/instructions/adoptions";
import { demoViewers } from "@/testing/demo-viewers";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { commissionCell, getNotice } from "./notice";
import { getUnitStats } from "./stats";
import { setWeights } from "./weights";
import { formatRate } from "./export";

let db: TestDb;
let editor: Viewer;
let liaocheng: Viewer;

beforeAll(async () => {
  db = await createTestDb();
  await loadDemo({ password: "demo-password-1" });
  [editor, liaocheng] = await demoViewers("editor@demo.local", "liaocheng@demo.local");
  const d = await getDb();
  const [lc] = await d
    .select({ id: articles.id })
    .from(articles)
    .innerJoin(units, eq(units.id, articles.unitId))
    .where(and(eq(units.name, "聊城市扶贫办"), eq(articles.status, "published")));
  await recordInstruction(editor, lc!.id, { leader: "王某某", level: "provincial", date: "2017-08-20", text: "做法很好，请总结推广。" });
  await recordInstruction(editor, lc!.id, { leader: "李某某", level: "municipal", date: "2017-09-02", text: "下月的批示不在八月的通报里。" });
  await recordAdoption(editor, lc!.id, { by: "省政府办公厅", level: "provincial", date: "2017-08-25", note: "《政务信息》第12期" });
  // A commission due on 15 August to 聊城 (answered on the 14th) and 威海 (missed).
  const unitIds = new Map((await d.select({ id: units.id, name: units.name }).from(units)).map((u) => [u.name, u.id]));
  const [c] = await d.insert(commissions).values({ title: "约稿", brief: { type: "doc" }, deadline: new Date("2017-08-15T18:00:00+08:00") }).returning();
  await d.insert(commissionUnits).values([
    { commissionId: c!.id, unitId: unitIds.get("聊城市扶贫办")! },
    { commissionId: c!.id, unitId: unitIds.get("威海市扶贫办")! },
  ]);
  const [answer] = await d
    .insert(articles)
    .values({ unitId: unitIds.get("聊城市扶贫办")!, authorId: liaocheng.kind === "user" ? liaocheng.id : 0, title: "约稿回复", body: { type: "doc" }, attribution: "聊城市扶贫办", status: "submitted", commissionId: c!.id })
    .returning();
  await d.insert(articleEvents).values({ articleId: answer!.id, type: "submitted", createdAt: new Date("2017-08-14T10:00:00+08:00") });
  await setWeights(systemViewer("test"), {
    weights: { submitted: 0, accepted: 0, published: 10, lead: 5, commissionOnTime: 2, commissionMissed: -3, instructionProvincial: 10, adoptionProvincial: 8 },
    effectiveFrom: "2017-01-01",
  });
});
afterAll(() => db?.drop());

describe("the 通报 of 2017年8月", () => {
  it("has the statistics page's numbers, row by row", async () => {
    const [{ notice }, report] = await Promise.all([getNotice(editor, { period: "2017-08" }), getUnitStats(editor, { period: "2017-08" })]);
    const cells = (u: (typeof report.units)[number] | typeof report.totals) => [
      String(u.submitted),
      String(u.accepted),
      String(u.published),
      String(u.leads),
      formatRate(u.adoptionRate) || "—",
      commissionCell(u),
      String(u.instructions),
      String(u.adoptions),
      String(u.score),
    ];
    expect(notice.table.rows.map((r) => [r.rank, r.unit, ...r.cells])).toEqual(report.units.map((u) => [String(u.rank), u.unit, ...cells(u)]));
    expect(notice.table.totals.cells).toEqual(cells(report.totals));
    // The demo issue: three articles published, 聊城's leads (10 + 5); its commission answered on time (2),
    // August's provincial 批示 (10) and adoption (8): 35, with 1/1 约稿完成. 威海 missed it: −3.
    expect(notice.table.rows[0]).toMatchObject({ rank: "1", unit: "聊城市扶贫办" });
    expect(notice.table.rows[0]!.cells.slice(-4)).toEqual(["1/1", "1", "1", "35"]);
    const weihai = notice.table.rows.find((r) => r.unit === "威海市扶贫办")!;
    expect(weihai.cells[5]).toBe("0/1");
    expect(Number(weihai.cells.at(-1))).toBe(report.units.find((u) => u.unit === "威海市扶贫办")!.scoreParts.articles - 3);
    expect(notice.table.totals.cells.slice(-4)).toEqual(["1/2", "1", "1", String(report.totals.score)]);
    expect(notice.paragraphs[2]).toBe("约稿应报2篇次，按时报送1篇次，逾期报送0篇次，未报送1篇次；各单位报送的信息收到领导批示1件，被上级采用1篇次。");
    expect(notice.issuingBody).toBe("宣传信息组");
  });

  it("lists the month's 批示 and 上级采用, and only the month's", async () => {
    const { notice } = await getNotice(editor, { period: "2017-08" });
    expect(notice.lists.map((l) => l.heading)).toEqual(["领导批示情况", "上级采用情况"]);
    expect(notice.lists[0]!.items).toEqual(["2017年8月20日，王某某（省级）对聊城市扶贫办报送的《聊城市狠抓“六项举措”集中优势兵力重点突破》作出批示。"]);
    expect(notice.lists[1]!.items).toEqual(["2017年8月25日，聊城市扶贫办报送的《聊城市狠抓“六项举措”集中优势兵力重点突破》被省政府办公厅（省级）采用，刊于《政务信息》第12期。"]);
    const july = (await getNotice(editor, { period: "2017-07" })).notice;
    expect(july.lists.map((l) => l.items.length)).toEqual([0, 0]);
  });

  it("is for those who read the statistics", async () => {
    await expect(getNotice(liaocheng, { period: "2017-08" })).rejects.toMatchObject({ code: "forbidden" });
  });
});
