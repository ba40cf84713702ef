// Integration: the statistics' 约稿, 批示 and 上级采用 — exact counts and
// scores for a fixture with commissions answered on time, late and missed,
// instructions at several levels and upstream adoptions, under two weight
// versions, the older stored before these weights existed. On PGlite, and on
// PostgreSQL with DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { getDb } from "@/db";
import { adoptions, articleEvents, articles, commissionUnits, commissions, instructions, publications, scoringWeights, units, users, type OfficialLevel } from "@/db/schema";
import { systemViewer, type Viewer } from "@/lib/auth/permissions";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { getUnitStats, type UnitStatsRow } from "./stats";
import { DEFAULT_WEIGHTS, listWeightVersions, normalizeWeights, setWeights, weightsSchema } from "./weights";
import { statsToCsv, statsToXlsx } from "./export";

let testDb: TestDb;
const system = systemViewer("test");
let editor: Viewer;
const at = (s: string) => new Date(`${s}+08:00`); // China time
const LATER = at("2026-01-01T00:00:00");

beforeAll(async () => {
  testDb = await createTestDb();
  const db = await getDb();
  const [jia, yi, bing] = await db.insert(units).values([{ name: "甲市扶贫办" }, { name: "乙市扶贫办" }, { name: "丙市扶贫办" }]).returning();
  const [p1] = await db.insert(publications).values({ slug: "p1", name: "一号简报", issuingBody: "组" }).returning();
  const [ed] = await db.insert(users).values({ email: "ed@x.cn", name: "编", role: "editor", passwordHash: "x" }).returning();
  editor = { kind: "user", id: ed!.id, role: "editor", unitId: null, name: "编", email: "ed@x.cn" };

  const article = async (unitId: number, title: string, fields: { publicationId?: number; commissionId?: number; status: "submitted" | "published" }, events: [string, string][]) => {
    const [a] = await db
      .insert(articles)
      .values({ unitId, authorId: ed!.id, title, body: { type: "doc" }, attribution: "x", publicationId: fields.publicationId ?? null, commissionId: fields.commissionId ?? null, status: fields.status })
      .returning();
    await db.insert(articleEvents).values(events.map(([type, when]) => ({ articleId: a!.id, type, createdAt: at(when), actorId: ed!.id })));
    return a!.id;
  };
  const commission = async (title: string, deadline: string, unitIds: number[], publicationId: number | null = null) => {
    const [c] = await db.insert(commissions).values({ title, brief: { type: "doc" }, deadline: at(deadline), publicationId, createdById: ed!.id }).returning();
    await db.insert(commissionUnits).values(unitIds.map((unitId) => ({ commissionId: c!.id, unitId })));
    return c!.id;
  };

  const a1 = await article(jia!.id, "A1", { publicationId: p1!.id, status: "published" }, [["published", "2024-03-02T09:00:00"]]);
  const b1 = await article(yi!.id, "B1", { status: "published" }, [["published", "2024-03-03T09:00:00"]]);

  // C1 under the old weights: 甲 on time, 乙 missed — no points either way.
  const c1 = await commission("C1", "2024-03-10T18:00:00", [jia!.id, yi!.id]);
  await article(jia!.id, "C1 甲", { commissionId: c1, status: "submitted" }, [["submitted", "2024-03-09T10:00:00"]]);
  // C2 under the new weights, for p1: 甲 on time (+3), 乙 late on 22 March (+1), 丙 missed (−4).
  const c2 = await commission("C2", "2024-03-20T18:00:00", [jia!.id, yi!.id, bing!.id], p1!.id);
  await article(jia!.id, "C2 甲", { commissionId: c2, status: "submitted" }, [["submitted", "2024-03-19T10:00:00"]]);
  await article(yi!.id, "C2 乙", { commissionId: c2, status: "submitted" }, [["submitted", "2024-03-22T10:00:00"]]);
  // C3 is due in April, answered in March: April's, not March's.
  const c3 = await commission("C3", "2024-04-05T18:00:00", [jia!.id]);
  await article(jia!.id, "C3 甲", { commissionId: c3, status: "submitted" }, [["submitted", "2024-03-30T10:00:00"]]);
  // C4 is due on 25 March; 丙 answers on 2 April: missed at March's end, answered late by the year's.
  const c4 = await commission("C4", "2024-03-25T18:00:00", [bing!.id]);
  await article(bing!.id, "C4 丙", { commissionId: c4, status: "submitted" }, [["submitted", "2024-04-02T10:00:00"]]);

  const instruction = (articleId: number, level: OfficialLevel, date: string) => ({ articleId, leader: "某领导", level, date, text: "批示" });
  await db.insert(instructions).values([
    instruction(a1, "provincial", "2024-03-05"), // old weights: 0
    instruction(a1, "provincial", "2024-03-18"), // +10
    instruction(a1, "national", "2024-03-20"), // +20
    instruction(b1, "municipal", "2024-03-21"), // +5
    instruction(a1, "county", "2024-04-01"), // April: +2
  ]);
  const adoption = (articleId: number, level: OfficialLevel, date: string) => ({ articleId, adoptedBy: "省政府办公厅", level, date });
  await db.insert(adoptions).values([
    adoption(a1, "provincial", "2024-03-25"), // +8
    adoption(b1, "county", "2024-03-28"), // +1
    adoption(b1, "national", "2024-02-28"), // February, old weights: 0
  ]);

  // A version stored before the 约稿, 批示 and 上级采用 weights existed: only the article keys.
  await db.insert(scoringWeights).values({ weights: { submitted: 0, accepted: 0, published: 10, lead: 5 }, effectiveFrom: at("2024-01-01T00:00:00") });
  await setWeights(system, {
    weights: {
      submitted: 0,
      accepted: 0,
      published: 10,
      lead: 5,
      commissionOnTime: 3,
      commissionLate: 1,
      commissionMissed: -4,
      instructionNational: 20,
      instructionProvincial: 10,
      instructionMunicipal: 5,
      instructionCounty: 2,
      adoptionNational: 15,
      adoptionProvincial: 8,
      adoptionMunicipal: 4,
      adoptionCounty: 1,
    },
    effectiveFrom: "2024-03-16",
  });
});
afterAll(() => testDb?.drop());

const pick = (r: UnitStatsRow) => ({
  unit: r.unit,
  rank: r.rank,
  submitted: r.submitted,
  published: r.published,
  commissions: [r.commissionsOnTime, r.commissionsLate, r.commissionsMissed],
  instructions: r.instructionsByLevel,
  adoptions: r.adoptionsByLevel,
  parts: r.scoreParts,
  score: r.score,
});
const levels = (national: number, provincial: number, municipal: number, county: number) => ({ national, provincial, municipal, county });

describe("scoring 约稿, 批示 and 上级采用", () => {
  it("counts and scores March with the weights in force at each deadline and date", async () => {
    const march = await getUnitStats(editor, { period: "2024-03" }, LATER);
    expect(march.units.map(pick)).toEqual([
      // Articles 10; C1 on time (0) and C2 on time (3); 批示 0 + 10 + 20; adopted by the province 8. 10 + 3 + 30 + 8.
      { unit: "甲市扶贫办", rank: 1, submitted: 3, published: 1, commissions: [2, 0, 0], instructions: levels(1, 2, 0, 0), adoptions: levels(0, 1, 0, 0), parts: { articles: 10, commissions: 3, instructions: 30, adoptions: 8 }, score: 51 },
      // Articles 10; C1 missed (0), C2 late (1); a municipal 批示 5; a county adoption 1 (February's national one is not March's).
      { unit: "乙市扶贫办", rank: 2, submitted: 1, published: 1, commissions: [0, 1, 1], instructions: levels(0, 0, 1, 0), adoptions: levels(0, 0, 0, 1), parts: { articles: 10, commissions: 1, instructions: 5, adoptions: 1 }, score: 17 },
      // C2 and C4 missed at the end of March: −8.
      { unit: "丙市扶贫办", rank: 3, submitted: 0, published: 0, commissions: [0, 0, 2], instructions: levels(0, 0, 0, 0), adoptions: levels(0, 0, 0, 0), parts: { articles: 0, commissions: -8, instructions: 0, adoptions: 0 }, score: -8 },
    ]);
    expect(march.totals).toMatchObject({
      commissionsOnTime: 2,
      commissionsLate: 1,
      commissionsMissed: 3,
      instructions: 4,
      instructionsByLevel: levels(1, 2, 1, 0),
      adoptions: 2,
      adoptionsByLevel: levels(0, 1, 0, 1),
      scoreParts: { articles: 20, commissions: -4, instructions: 35, adoptions: 9 },
      score: 60,
    });
  });

  it("before the period ends, counts each commission as it stands now and leaves one still open out", async () => {
    const midMarch = await getUnitStats(editor, { period: "2024-03" }, at("2024-03-21T12:00:00"));
    const commissionsOf = (unit: string) => {
      const r = midMarch.units.find((u) => u.unit === unit)!;
      return [r.commissionsOnTime, r.commissionsLate, r.commissionsMissed, r.scoreParts.commissions];
    };
    expect(commissionsOf("甲市扶贫办")).toEqual([2, 0, 0, 3]);
    // 乙's answer to C2 comes on the 22nd: on the 21st C2 is missed (−4).
    expect(commissionsOf("乙市扶贫办")).toEqual([0, 0, 2, -4]);
    // C4 is due on the 25th: open, not counted.
    expect(commissionsOf("丙市扶贫办")).toEqual([0, 0, 1, -4]);
  });

  it("a year counts each commission at the year's end, and its trend adds up to its score", async () => {
    const year = await getUnitStats(editor, { period: "2024" }, LATER);
    expect(year.units.map(pick)).toEqual([
      // C3 on time in April (+3), the county 批示 of 1 April (+2).
      { unit: "甲市扶贫办", rank: 1, submitted: 3, published: 1, commissions: [3, 0, 0], instructions: levels(1, 2, 0, 1), adoptions: levels(0, 1, 0, 0), parts: { articles: 10, commissions: 6, instructions: 32, adoptions: 8 }, score: 56 },
      // February's national adoption counts, under the old weights: 0.
      { unit: "乙市扶贫办", rank: 2, submitted: 1, published: 1, commissions: [0, 1, 1], instructions: levels(0, 0, 1, 0), adoptions: levels(1, 0, 0, 1), parts: { articles: 10, commissions: 1, instructions: 5, adoptions: 1 }, score: 17 },
      // C4 answered late by the year's end (+1), C2 missed (−4).
      { unit: "丙市扶贫办", rank: 3, submitted: 1, published: 0, commissions: [0, 1, 1], instructions: levels(0, 0, 0, 0), adoptions: levels(0, 0, 0, 0), parts: { articles: 0, commissions: -3, instructions: 0, adoptions: 0 }, score: -3 },
    ]);
    expect(year.totals.score).toBe(70);
    expect(year.trend.slice(1, 4).map((t) => [t.month, t.score])).toEqual([
      ["2024-02", 0],
      ["2024-03", 65],
      ["2024-04", 5],
    ]);
    expect(year.trend.reduce((s, t) => s + t.score, 0)).toBe(70);
  });

  it("narrows to a publication: its commissions, and 批示 and adoptions of its articles", async () => {
    const p1 = await getUnitStats(editor, { period: "2024-03", publication: "p1" }, LATER);
    expect(p1.units.map((r) => [r.unit, r.commissionsOnTime, r.commissionsLate, r.commissionsMissed, r.instructions, r.adoptions, r.score])).toEqual([
      ["甲市扶贫办", 1, 0, 0, 3, 1, 51],
      ["乙市扶贫办", 0, 1, 0, 0, 0, 1],
      ["丙市扶贫办", 0, 0, 1, 0, 0, -4],
    ]);
  });

  it("reads a version stored without the new weights as 0 for them: the first half of March scores as before", async () => {
    const versions = await listWeightVersions(editor);
    const old = versions.at(-1)!;
    expect(old.weights).toEqual({ ...DEFAULT_WEIGHTS, submitted: 0, accepted: 0, published: 10, lead: 5 });
    expect(old.weights.commissionMissed).toBe(0);
    expect(normalizeWeights({ submitted: 1, accepted: 2, published: 3, lead: 4 })).toMatchObject({ submitted: 1, commissionOnTime: 0, instructionNational: 0, adoptionCounty: 0 });
    // 1–15 March, all under the old version: C1 answered and missed, a provincial 批示 — counted, and worth nothing.
    const early = await getUnitStats(editor, { kind: "custom", from: "2024-03-01", to: "2024-03-15" }, LATER);
    expect(early.units.map((r) => [r.unit, r.commissionsOnTime, r.commissionsMissed, r.instructions, r.score])).toEqual([
      ["甲市扶贫办", 1, 0, 1, 10],
      ["乙市扶贫办", 0, 1, 0, 10],
      ["丙市扶贫办", 0, 0, 0, 0],
    ]);
    // A client that sends only the article weights gets 0 for the others; a missed commission never earns.
    expect(weightsSchema.parse({ submitted: 1, accepted: 1, published: 1, lead: 1 })).toMatchObject({ commissionMissed: 0, adoptionNational: 0 });
    await expect(setWeights(editor, { weights: { submitted: 1, accepted: 1, published: 1, lead: 1, commissionMissed: 2 } })).rejects.toMatchObject({
      code: "invalid",
      fields: { commissionMissed: expect.any(Array) },
    });
  });

  it("exports the new columns in CSV and .xlsx", async () => {
    const march = await getUnitStats(editor, { period: "2024-03" }, LATER);
    const lines = statsToCsv(march).subarray(3).toString("utf8").split("\r\n");
    expect(lines[0]).toBe("排名,供稿单位,报送,退回,采用,未采用,刊用,头条,采用率,约稿按时,约稿逾期,约稿未报,批示国家级,批示省级,批示市级,批示县级,上级采用国家级,上级采用省级,上级采用市级,上级采用县级,得分");
    expect(lines[1]).toBe("1,甲市扶贫办,3,0,0,0,1,0,0.0%,2,0,0,1,2,0,0,0,1,0,0,51");
    expect(lines[3]).toBe("3,丙市扶贫办,0,0,0,0,0,0,,0,0,2,0,0,0,0,0,0,0,0,-8");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await statsToXlsx(march)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("信息采用统计")!;
    expect(sheet.getRow(4).values).toEqual([undefined, 2, "乙市扶贫办", 1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 1, 17]);
    expect((sheet.getRow(6).values as unknown[]).slice(2)).toEqual(["合计", 4, 0, 0, 0, 2, 0, 0, 2, 1, 3, 1, 2, 1, 0, 0, 1, 0, 1, 60]);
    expect(sheet.getColumn(9).numFmt).toBe("0.0%");
  });
});
