// Integration: a fixture with known numbers gives exactly the expected counts,
// rates, scores and ranks — on PGlite, and on PostgreSQL with DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { getDb } from "@/db";
import { articleEvents, articles, issues, placements, publications, sections, units, users } from "@/db/schema";
import { systemViewer, type Viewer } from "@/lib/auth/permissions";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { getUnitStats } from "./stats";
import { setWeights } from "./weights";
import { statsToCsv, statsToXlsx } from "./export";

let testDb: TestDb;
const system = systemViewer("test");
let editor: Viewer;
let contributor: Viewer;
const at = (s: string) => new Date(`${s}+08:00`); // China time

beforeAll(async () => {
  testDb = await createTestDb();
  const db = await getDb();
  const [a, b, c, d] = await db
    .insert(units)
    .values([{ name: "甲市扶贫办" }, { name: "乙市扶贫办" }, { name: "丙市扶贫办" }, { name: "丁市扶贫办", active: false }])
    .returning();
  const [p1, p2] = await db
    .insert(publications)
    .values([
      { slug: "p1", name: "一号简报", issuingBody: "组" },
      { slug: "p2", name: "二号简报", issuingBody: "组" },
    ])
    .returning();
  const [ua, ub, ed, co] = await db
    .insert(users)
    .values([
      { email: "a@x.cn", name: "甲", role: "contributor", unitId: a!.id, passwordHash: "x" },
      { email: "b@x.cn", name: "乙", role: "contributor", unitId: b!.id, passwordHash: "x" },
      { email: "ed@x.cn", name: "编", role: "editor", passwordHash: "x" },
      { email: "c@x.cn", name: "丙", role: "contributor", unitId: c!.id, passwordHash: "x" },
    ])
    .returning();
  editor = { kind: "user", id: ed!.id, role: "editor", unitId: null, name: "编", email: "ed@x.cn" };
  contributor = { kind: "user", id: co!.id, role: "contributor", unitId: c!.id, name: "丙", email: "c@x.cn" };
  void d;

  const article = async (unitId: number, authorId: number, title: string, publicationId: number | null) =>
    (await db.insert(articles).values({ unitId, authorId, title, body: { type: "doc" }, attribution: "x", publicationId }).returning())[0]!.id;
  const events = (articleId: number, list: [string, string][]) =>
    db.insert(articleEvents).values(list.map(([type, when]) => ({ articleId, type, createdAt: at(when), actorId: ed!.id })));

  const [i1, i2] = await db
    .insert(issues)
    .values([
      { publicationId: p1!.id, year: 2024, number: 1, totalNumber: 1, status: "published" },
      { publicationId: p2!.id, year: 2024, number: 1, totalNumber: 1, status: "published" },
    ])
    .returning();
  const [s1] = await db.insert(sections).values({ issueId: i1!.id, position: 0, heading: "栏目" }).returning();

  const a1 = await article(a!.id, ua!.id, "A1", p1!.id);
  await events(a1, [
    ["created", "2024-03-01T09:00:00"],
    ["submitted", "2024-03-02T09:00:00"],
    ["returned", "2024-03-03T09:00:00"],
    ["edited", "2024-03-03T10:00:00"],
    ["submitted", "2024-03-04T09:00:00"], // resubmission: the same article, counted once
    ["accepted", "2024-03-05T09:00:00"],
    ["published", "2024-03-10T09:00:00"],
  ]);
  const a2 = await article(a!.id, ua!.id, "A2", p1!.id);
  await events(a2, [
    ["submitted", "2024-03-06T09:00:00"],
    ["accepted", "2024-03-07T09:00:00"],
    ["published", "2024-03-10T09:00:00"],
  ]);
  // In issue 1 the article before the first section leads, even with a higher position number.
  await db.insert(placements).values([
    { issueId: i1!.id, sectionId: null, articleId: a1, position: 5 },
    { issueId: i1!.id, sectionId: s1!.id, articleId: a2, position: 1 },
  ]);
  const a3 = await article(a!.id, ua!.id, "A3", p1!.id);
  await events(a3, [
    ["submitted", "2024-03-08T09:00:00"],
    ["rejected", "2024-03-09T09:00:00"],
  ]);
  const b1 = await article(b!.id, ub!.id, "B1", null);
  await events(b1, [
    ["submitted", "2024-03-01T08:00:00"],
    ["accepted", "2024-03-02T08:00:00"],
    ["published", "2024-03-20T08:00:00"], // under the second weights
  ]);
  await db.insert(placements).values({ issueId: i2!.id, sectionId: null, articleId: b1, position: 0 });
  const b2 = await article(b!.id, ub!.id, "B2", null);
  await events(b2, [
    ["submitted", "2024-02-29T23:30:00"], // February in China, though UTC says the same day
    ["accepted", "2024-03-01T00:10:00"], // March in China (still 29 February in UTC)
  ]);
  const b3 = await article(b!.id, ub!.id, "B3", p2!.id);
  await events(b3, [
    ["submitted", "2024-03-31T23:50:00"],
    ["returned", "2024-04-01T00:10:00"], // April: outside
  ]);

  await setWeights(system, { weights: { submitted: 1, accepted: 2, published: 10, lead: 5 }, effectiveFrom: "2024-01-01" });
  await setWeights(system, { weights: { submitted: 1, accepted: 3, published: 20, lead: 10 }, effectiveFrom: "2024-03-15" });
});
afterAll(() => testDb?.drop());

const pick = (r: { unit: string; rank: number; submitted: number; returned: number; accepted: number; rejected: number; published: number; leads: number; adoptionRate: number | null; score: number }) => ({
  unit: r.unit,
  rank: r.rank,
  submitted: r.submitted,
  returned: r.returned,
  accepted: r.accepted,
  rejected: r.rejected,
  published: r.published,
  leads: r.leads,
  adoptionRate: r.adoptionRate,
  score: r.score,
});

describe("unit statistics", () => {
  it("counts, rates and scores a month with the weights in force at each event", async () => {
    const report = await getUnitStats(editor, { period: "2024-03" });
    expect(report.units.map(pick)).toEqual([
      // B: submitted B1, B3 (B2's submission was in February); accepted B1, B2 at 2 points;
      // B1 published on 20 March under the second weights as the lead: 20 + 10. 2 + 4 + 30 = 36.
      { unit: "乙市扶贫办", rank: 1, submitted: 2, returned: 0, accepted: 2, rejected: 0, published: 1, leads: 1, adoptionRate: 1, score: 36 },
      // A: 3 submissions at 1, 2 acceptances at 2, A1 published as lead 10 + 5, A2 published 10. 3 + 4 + 25 = 32.
      { unit: "甲市扶贫办", rank: 2, submitted: 3, returned: 1, accepted: 2, rejected: 1, published: 2, leads: 1, adoptionRate: 2 / 3, score: 32 },
      { unit: "丙市扶贫办", rank: 3, submitted: 0, returned: 0, accepted: 0, rejected: 0, published: 0, leads: 0, adoptionRate: null, score: 0 },
    ]);
    expect(report.totals).toMatchObject({ submitted: 5, returned: 1, accepted: 4, rejected: 1, published: 3, leads: 2, adoptionRate: 4 / 5, score: 68 });
    expect(report.period).toMatchObject({ kind: "month", firstDay: "2024-03-01", lastDay: "2024-03-31" });
    expect(report.weights.map((w) => w.weights.published)).toEqual([10, 20]);
  });

  it("narrows to one publication by the issue an article is in, else the article's own publication", async () => {
    const report = await getUnitStats(editor, { period: "2024-03", publication: "p1" });
    expect(report.units.map(pick)).toEqual([
      { unit: "甲市扶贫办", rank: 1, submitted: 3, returned: 1, accepted: 2, rejected: 1, published: 2, leads: 1, adoptionRate: 2 / 3, score: 32 },
      { unit: "丙市扶贫办", rank: 2, submitted: 0, returned: 0, accepted: 0, rejected: 0, published: 0, leads: 0, adoptionRate: null, score: 0 },
      { unit: "乙市扶贫办", rank: 2, submitted: 0, returned: 0, accepted: 0, rejected: 0, published: 0, leads: 0, adoptionRate: null, score: 0 },
    ]);
    await expect(getUnitStats(editor, { period: "2024-03", publication: "nope" })).rejects.toMatchObject({ code: "invalid" });
  });

  it("covers a quarter, a custom range and the monthly trend", async () => {
    const q1 = await getUnitStats(editor, { kind: "quarter", quarter: "2024-Q1" });
    const b = q1.units.find((u) => u.unit === "乙市扶贫办")!;
    // B3 (31 March) and B2 (29 February) now both count: 3 submissions.
    expect(pick(b)).toMatchObject({ submitted: 3, accepted: 2, published: 1, score: 37 });
    const custom = await getUnitStats(editor, { kind: "custom", from: "2024-03-02", to: "2024-03-05" });
    // 2–5 March: A1 submitted (twice, once counted) and returned; A1 and B1 accepted. 1 + 2 + 2.
    expect(custom.totals).toMatchObject({ submitted: 1, returned: 1, accepted: 2, published: 0, score: 5 });
    expect(q1.trend).toHaveLength(12);
    expect(q1.trend.at(-1)).toEqual({ month: "2024-03", submitted: 5, accepted: 4, published: 3, score: 68 });
    expect(q1.trend.at(-2)).toEqual({ month: "2024-02", submitted: 1, accepted: 0, published: 0, score: 1 });
    expect(q1.trend[0]!.month).toBe("2023-04");
    const april = await getUnitStats(editor, { period: "2024-04" });
    expect(april.totals).toMatchObject({ submitted: 0, returned: 1, score: 0 });
  });

  it("re-scores a past period the same after the weights change today", async () => {
    const before = await getUnitStats(editor, { period: "2024-03" });
    await setWeights(editor, { weights: { submitted: 100, accepted: 100, published: 100, lead: 100 } });
    const after = await getUnitStats(editor, { period: "2024-03" });
    expect(after.units.map((u) => u.score)).toEqual(before.units.map((u) => u.score));
    await expect(setWeights(editor, { weights: { submitted: 1, accepted: 1, published: 1, lead: 1 }, effectiveFrom: "2024-01-01" })).rejects.toMatchObject({
      code: "invalid",
      fields: { effectiveFrom: expect.any(Array) },
    });
    await expect(setWeights(editor, { weights: { submitted: 1, accepted: 1, published: 99999, lead: 1 } })).rejects.toMatchObject({
      code: "invalid",
      fields: { published: expect.any(Array) },
    });
  });

  it("is for editors and admins only", async () => {
    await expect(getUnitStats(contributor, { period: "2024-03" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(getUnitStats({ kind: "anonymous" }, { period: "2024-03" })).rejects.toMatchObject({ code: "unauthorized" });
    await expect(setWeights(contributor, { weights: { submitted: 1, accepted: 1, published: 1, lead: 1 } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(getUnitStats(editor, { period: "2024-13" })).rejects.toMatchObject({ code: "invalid" });
  });

  it("a year's ranking and trend (read in one pass) agree with its months", async () => {
    const year = await getUnitStats(editor, { period: "2024" });
    // February's submission of B2 (1 point) and April's return of B3 (no points) join March.
    expect(year.totals).toMatchObject({ submitted: 6, returned: 2, accepted: 4, rejected: 1, published: 3, leads: 2, adoptionRate: 4 / 6, score: 69 });
    expect(year.trend.map((t) => t.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, "0")}`));
    expect(year.trend.slice(1, 4)).toEqual([
      { month: "2024-02", submitted: 1, accepted: 0, published: 0, score: 1 },
      { month: "2024-03", submitted: 5, accepted: 4, published: 3, score: 68 },
      { month: "2024-04", submitted: 0, accepted: 0, published: 0, score: 0 },
    ]);
  });

  it("counts a resubmission in the period's ranking, and the first submission in the trend's month", async () => {
    const db = await getDb();
    const unitId = (contributor as { unitId: number }).unitId;
    const [c1] = await db.insert(articles).values({ unitId, authorId: contributor.kind === "user" ? contributor.id : 0, title: "C1", body: { type: "doc" }, attribution: "x", publicationId: null }).returning();
    await db.insert(articleEvents).values(
      (
        [
          ["submitted", "2022-11-20T09:00:00"],
          ["returned", "2022-11-21T09:00:00"],
          ["submitted", "2022-12-05T09:00:00"],
          ["accepted", "2022-12-06T09:00:00"],
          ["published", "2022-12-10T09:00:00"],
        ] as const
      ).map(([type, when]) => ({ articleId: c1!.id, type, createdAt: at(when) })),
    );
    const [p1] = await db.select().from(publications).where(eq(publications.slug, "p1"));
    const [issue] = await db.insert(issues).values({ publicationId: p1!.id, year: 2022, number: 9, totalNumber: 9, status: "published" }).returning();
    await db.insert(placements).values({ issueId: issue!.id, sectionId: null, articleId: c1!.id, position: 0 });
    // Before the first weights: the defaults (published 10, lead 5).
    const c = { unit: "丙市扶贫办", rank: 1, submitted: 1, accepted: 1, rejected: 0, published: 1, leads: 1, adoptionRate: 1, score: 15 };
    const december = await getUnitStats(editor, { period: "2022-12" });
    expect(december.units.map(pick)[0]).toEqual({ ...c, returned: 0 });
    const year = await getUnitStats(editor, { period: "2022" });
    expect(year.units.map(pick)[0]).toEqual({ ...c, returned: 1 });
    for (const report of [december, year]) {
      expect(report.trend.slice(-2)).toEqual([
        { month: "2022-11", submitted: 1, accepted: 0, published: 0, score: 0 },
        { month: "2022-12", submitted: 0, accepted: 1, published: 1, score: 15 },
      ]);
    }
    // A custom range longer than the trend's twelve months: the ranking reaches back, the trend does not.
    const long = await getUnitStats(editor, { kind: "custom", from: "2022-12-01", to: "2023-12-31" });
    expect(long.units.map(pick)[0]).toEqual({ ...c, returned: 0 });
    expect(long.trend.every((t) => t.submitted + t.accepted + t.published === 0)).toBe(true);
  });

  it("exports CSV as UTF-8 with a BOM and Chinese headers, and an .xlsx with the same numbers", async () => {
    const report = await getUnitStats(editor, { period: "2024-03" });
    const csv = statsToCsv(report);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // "排名" in UTF-8, right after the BOM.
    expect([...csv.subarray(3, 9)]).toEqual([0xe6, 0x8e, 0x92, 0xe5, 0x90, 0x8d]);
    expect(csv.subarray(3).toString("utf8")).toBe(
      [
        "排名,供稿单位,报送,退回,采用,未采用,刊用,头条,采用率,约稿按时,约稿逾期,约稿未报,批示国家级,批示省级,批示市级,批示县级,上级采用国家级,上级采用省级,上级采用市级,上级采用县级,得分",
        "1,乙市扶贫办,2,0,2,0,1,1,100.0%,0,0,0,0,0,0,0,0,0,0,0,36",
        "2,甲市扶贫办,3,1,2,1,2,1,66.7%,0,0,0,0,0,0,0,0,0,0,0,32",
        "3,丙市扶贫办,0,0,0,0,0,0,,0,0,0,0,0,0,0,0,0,0,0,0",
        "",
      ].join("\r\n"),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await statsToXlsx(report)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("信息采用统计")!;
    expect(sheet.getRow(2).getCell(2).value).toBe("供稿单位");
    expect(sheet.getRow(3).values).toEqual([undefined, 1, "乙市扶贫办", 2, 0, 2, 0, 1, 1, 1, ...Array(11).fill(0), 36]);
    expect(sheet.getRow(6).getCell(2).value).toBe("合计");
    expect(sheet.getRow(6).getCell(21).value).toBe(68);
    expect(book.getWorksheet("月度趋势")!.getRow(13).values).toEqual([undefined, "2024-03", 5, 4, 3, 68]);
  });
});
