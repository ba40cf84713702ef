// The 信息工作通报 of the demo month against the statistics of the same
// month: the same numbers row by row, and the month's 批示 and 上级采用
// listed (and nothing from another month).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { articles, units } from "@/db/schema";
import type { Viewer } from "@/lib/auth/permissions";
import { loadDemo } from "@/lib/demo/load-demo";
import { recordInstruction } from "@/lib/instructions/instructions";
import { recordAdoption } from "@/lib/instructions/adoptions";
import { demoViewers } from "@/testing/demo-viewers";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { getNotice } from "./notice";
import { getUnitStats } from "./stats";
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
});
afterAll(() => db?.drop());

describe("the 通报 of 2017年8月", () => {
  it("has the statistics page's numbers, row by row", async () => {
    const [{ notice }, report] = await Promise.all([getNotice(editor, { period: "2017-08" }), getUnitStats(editor, { period: "2017-08" })]);
    expect(notice.table.rows.map((r) => [r.rank, r.unit, ...r.cells])).toEqual(
      report.units.map((u) => [String(u.rank), u.unit, String(u.submitted), String(u.accepted), String(u.published), String(u.leads), formatRate(u.adoptionRate) || "—", String(u.score)]),
    );
    expect(notice.table.totals.cells).toEqual([report.totals.submitted, report.totals.accepted, report.totals.published, report.totals.leads].map(String).concat([formatRate(report.totals.adoptionRate) || "—", String(report.totals.score)]));
    // The demo issue: three articles published, 聊城's leads (10 + 5).
    expect(notice.table.rows[0]).toMatchObject({ rank: "1", unit: "聊城市扶贫办" });
    expect(notice.table.rows[0]!.cells.at(-1)).toBe("15");
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
