// Integration: what the new-issue form offers for a chosen year, the issue
// date set at creation, and the check that the year and the date agree.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { loadDemo } from "@/lib/demo/load-demo";
import { findUserByEmail } from "@/lib/users/users";
import { viewerFromUser } from "@/lib/auth/viewer";
import { requestSignoff, signoffIssue } from "./signoff";
import type { Viewer } from "@/lib/auth/permissions";
import { createArticle, transitionArticle } from "@/lib/articles/mutations";
import { currentChinaYear } from "@/lib/format";
import { checkIssue, publishCheckedIssue } from "./lifecycle";
import { createIssue, getIssue, listIssues, listIssuesPage, setIssueLayout, updateIssue } from "./assembly";
import { issueOfferQuerySchema, offerIssueNumbers } from "./offer";

let db: TestDb;
let editor: Viewer, liaocheng: Viewer;
beforeAll(async () => {
  db = await createTestDb();
  await loadDemo({ password: "demo-password-1" });
  const v = async (email: string) => viewerFromUser((await findUserByEmail(email))!);
  [editor, liaocheng] = await Promise.all([v("editor@demo.local"), v("liaocheng@demo.local")]);
});
afterAll(() => db?.drop());

const seedIssue = { year: 2017, number: 88, totalNumber: 225, title: "山东脱贫攻坚简报2017年第88期(总第225期)", status: "published", publishedAt: "2017-08-17T02:12:00.000Z" };

describe("the numbers offered for a year", () => {
  it("offers 第89期 总第226期 for 2017 and names 第88期 as the previous issue", async () => {
    expect(await offerIssueNumbers(editor, issueOfferQuerySchema.parse({ publication: "sdtp", year: "2017" }))).toEqual({
      year: 2017,
      number: 89,
      totalNumber: 226,
      series: "regular",
      previous: { id: expect.any(Number), ...seedIssue },
    });
    // Any later year starts at 第1期 and follows the same issue in the total.
    expect(await offerIssueNumbers(editor, { publication: "sdtp", year: 2018 })).toMatchObject({ year: 2018, number: 1, totalNumber: 226, previous: seedIssue });
    expect(await offerIssueNumbers(editor, { publication: "sdtp" })).toMatchObject({ year: currentChinaYear(), number: 1 });
    expect(await offerIssueNumbers(editor, { publication: "sdtp", year: 2016 })).toMatchObject({ year: 2016, number: 1, previous: null });
  });

  it("places a back issue in the cumulative count after the issue before it, unless that total is taken", async () => {
    await createIssue(editor, { publication: "sdtp", year: 2019, number: 5, totalNumber: 300 });
    // 2018 follows 2017/88 (225), not the 2019 issue typed in first.
    expect(await offerIssueNumbers(editor, { publication: "sdtp", year: 2018 })).toMatchObject({ number: 1, totalNumber: 226 });
    expect(await createIssue(editor, { publication: "sdtp", year: 2018 })).toMatchObject({ number: 1, totalNumber: 226 });
    // 2017/89 would follow 225, but 226 is now 2018/1: the first free total after all others.
    expect(await offerIssueNumbers(editor, { publication: "sdtp", year: 2017 })).toMatchObject({ number: 89, totalNumber: 301 });
    expect(await offerIssueNumbers(editor, { publication: "sdtp", year: 2020 })).toMatchObject({ number: 1, totalNumber: 301, previous: { year: 2019, number: 5 } });
  });

  it("is for editors, and refuses a bad year or an unknown publication", async () => {
    await expect(offerIssueNumbers(liaocheng, { publication: "sdtp" })).rejects.toMatchObject({ code: "forbidden" });
    // A year that is not a number is refused at the route's boundary, naming the field.
    expect(issueOfferQuerySchema.safeParse({ publication: "sdtp", year: "二〇一七" }).error?.issues.map((i) => i.path)).toEqual([["year"]]);
    await expect(offerIssueNumbers(editor, { publication: "nope" })).rejects.toMatchObject({ code: "invalid" });
  });
});

describe("the issue date (刊发日期)", () => {
  it("is set when creating a back issue, and publishing keeps it", async () => {
    const issue = await createIssue(editor, { publication: "sdtp", year: 2017, publishedAt: "2017-08-24T10:00:00+08:00" });
    expect((await getIssue(editor, issue.id)).publishedAt).toBe("2017-08-24T02:00:00.000Z");
    const { id } = await createArticle(liaocheng, { title: "补录往期", body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "正文。" }] }] } });
    await transitionArticle(liaocheng, id, "submit");
    await transitionArticle(editor, id, "accept");
    const { version } = await setIssueLayout(editor, issue.id, { sections: [{ heading: null, articleIds: [id] }] });
    await updateIssue(editor, issue.id, { version, editorName: "刘栋" });
    expect(await checkIssue(editor, issue.id)).toEqual([]);
    // 签发 first: the demo publication requires it.
    await requestSignoff(editor, issue.id);
    await signoffIssue(viewerFromUser((await findUserByEmail("leader@demo.local"))!), issue.id, { decision: "approve" });
    await publishCheckedIssue(editor, issue.id);
    expect((await getIssue(editor, issue.id)).publishedAt).toBe("2017-08-24T02:00:00.000Z");
  });

  it("flags, without blocking, an issue whose year differs from its date's year", async () => {
    const issue = await createIssue(editor, { publication: "sdtp", year: 2017, publishedAt: "2018-01-02T09:00:00+08:00" });
    const checks = await checkIssue(editor, issue.id);
    expect(checks).toContainEqual({ code: "year_mismatch", severity: "warning", message: "期号年份为2017年，刊发日期却在2018年" });
    // China time decides: 2017-12-31 20:00 UTC is already 2018 in Jinan.
    const late = await createIssue(editor, { publication: "sdtp", year: 2018, publishedAt: "2017-12-31T20:00:00Z" });
    expect((await checkIssue(editor, late.id)).map((c) => c.code)).not.toContain("year_mismatch");
    // No date: the year is checked against today.
    const undated = await createIssue(editor, { publication: "sdtp", year: 2017 });
    expect((await checkIssue(editor, undated.id)).find((c) => c.code === "year_mismatch")?.message).toContain("未填刊发日期");
  });
});

describe("the issues' list, page by page", () => {
  it("pages through every issue once, newest numbers first, years included, whatever the page size", async () => {
    for (const [year, number, totalNumber] of [[2040, 1, 70001], [2040, 2, 70002], [2041, 1, 70003], [1950, 7, 70004]] as const) await createIssue(editor, { publication: "sdtp", year, number, totalNumber });
    const all = (await listIssuesPage(editor, { limit: 1000 })).issues;
    expect(all.length).toBeGreaterThanOrEqual(5);
    const order = all.map((i) => [i.year, i.number] as const);
    expect(order).toEqual([...order].sort((a, b) => b[0] - a[0] || b[1] - a[1]));
    for (const size of [1, 2, 3]) {
      const seen: number[] = [];
      let after: string | undefined;
      for (let guard = 0; guard < 100; guard++) {
        const page = await listIssuesPage(editor, { after, limit: size });
        expect(page.issues.length).toBeLessThanOrEqual(size);
        seen.push(...page.issues.map((i) => i.id));
        if (!page.next) break;
        after = page.next;
      }
      expect(seen, `pages of ${size}`).toEqual(all.map((i) => i.id));
    }
    // The oldest is reachable: 1950年第7期 on the last page. A malformed cursor starts from the top.
    expect(all.at(-1)).toMatchObject({ year: 1950, number: 7 });
    expect((await listIssuesPage(editor, { after: "x'; drop table issues;--", limit: 2 })).issues.map((i) => i.id)).toEqual(all.slice(0, 2).map((i) => i.id));
    expect(await listIssues(editor)).toEqual(all.slice(0, 100));
  });
});
