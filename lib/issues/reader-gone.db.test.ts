// Integration: a withdrawn issue is "gone" to readers, with its date and reason.
// There is no withdraw service yet, so the status is set directly here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { loadDemo } from "@/lib/demo/load-demo";
import { getDb } from "@/db";
import { issues } from "@/db/schema";
import { getReaderIssue, IssueWithdrawnError } from "./reader";
import { issueRefOfPath, isIssueWithdrawn } from "./reader-gone";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await loadDemo({ password: "demo-password-1" });
});
afterAll(() => db?.drop());

describe("issueRefOfPath", () => {
  it("matches the issue page, its print view and article permalinks only", () => {
    const ref = { slug: "sdtp", year: 2017, number: 88, series: "regular" };
    expect(issueRefOfPath("/p/sdtp/2017/88")).toEqual(ref);
    expect(issueRefOfPath("/p/sdtp/2017/88/print")).toEqual(ref);
    expect(issueRefOfPath("/p/sdtp/2017/88/a/12")).toEqual(ref);
    expect(issueRefOfPath("/p/sdtp/2017/s1/print")).toEqual({ slug: "sdtp", year: 2017, number: 1, series: "supplement" });
    for (const path of ["/p/sdtp", "/p/sdtp/feed.xml", "/p/sdtp/2017/88/issue.docx", "/p/sdtp/2017/abc", "/p/sdtp/2017/88/a/x", "/p/%E0%A4%A/2017/1"]) {
      expect(issueRefOfPath(path), path).toBeNull();
    }
  });
});

describe("withdrawn issues", () => {
  it("are gone to readers with the date and the reason", async () => {
    const ref = { slug: "sdtp", year: 2017, number: 88, series: "regular" as const };
    expect(await isIssueWithdrawn(ref)).toBe(false);
    const d = await getDb();
    await d
      .update(issues)
      .set({ status: "withdrawn", withdrawnAt: new Date("2017-08-20T01:00:00Z"), withdrawnReason: "数据有误" })
      .where(eq(issues.number, 88));
    expect(await isIssueWithdrawn(ref)).toBe(true);
    expect(await isIssueWithdrawn({ ...ref, number: 89 })).toBe(false);
    expect(await isIssueWithdrawn({ ...ref, series: "supplement" })).toBe(false);
    expect(await isIssueWithdrawn({ ...ref, slug: "nope" })).toBe(false);
    const error = await getReaderIssue("sdtp", 2017, 88).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IssueWithdrawnError);
    expect(error).toMatchObject({ status: 410, reason: "数据有误", withdrawnAt: "2017-08-20T01:00:00.000Z", title: "山东脱贫攻坚简报2017年第88期(总第225期)" });
  });
});
