import { describe, expect, it } from "vitest";
import { diffIssueSnapshots } from "./issue-diff";
import type { IssueSnapshot, SnapshotArticle } from "./snapshot";

const article = (id: number, title: string, text: string): SnapshotArticle => ({ id, title, titleLines: [title], attribution: "聊城市扶贫办", unit: "聊城市扶贫办", html: `<p>${text}</p>`, text });

function snapshot(sections: IssueSnapshot["sections"], fields: Partial<IssueSnapshot> = {}): IssueSnapshot {
  return {
    publication: { slug: "sdtp", name: "简报", issuingBody: "宣传信息组", subtitle: null, showTotalNumber: true, printRecipients: null, printCc: null, printIssuer: null, printCopies: null },
    issueId: 1,
    series: "regular",
    year: 2017,
    number: 89,
    totalNumber: 226,
    title: "简报2017年第89期(总第226期)",
    source: "宣传信息组",
    editor: "刘栋",
    note: null,
    publishedAt: "2017-08-20T02:00:00.000Z",
    sections,
    ...fields,
  };
}

describe("diffIssueSnapshots", () => {
  const a = article(1, "甲", "第一段。");
  const b = article(2, "乙", "乙的正文。");
  const c = article(3, "丙", "丙的正文。");
  const before = snapshot([
    { heading: "工作动态", articles: [a, b] },
    { heading: "经验交流", articles: [c] },
  ]);

  it("finds nothing when nothing changed (a new publication time is not a change of content)", () => {
    expect(diffIssueSnapshots(before, { ...before, publishedAt: "2017-08-21T00:00:00.000Z" }).unchanged).toBe(true);
  });

  it("names changed fields, sections added and removed, moved, added, removed and edited articles", () => {
    const d = article(4, "丁", "新稿。");
    const after = snapshot([{ heading: "工作动态", articles: [b, { ...a, text: "第一段，改过。", html: "<p>第一段，改过。</p>" }, d] }, { heading: "基层声音", articles: [] }], { editor: "王五" });
    const diff = diffIssueSnapshots(before, after);
    expect(diff.unchanged).toBe(false);
    expect(diff.fields).toEqual([{ field: "editor", from: "刘栋", to: "王五" }]);
    expect(diff.sections).toEqual({ added: ["基层声音"], removed: ["经验交流"], moved: [] });
    const byId = new Map(diff.articles.map((x) => [x.id, x]));
    expect(byId.get(4)).toMatchObject({ change: "added", to: { section: "工作动态", position: 3 } });
    expect(byId.get(3)).toMatchObject({ change: "removed", from: { section: "经验交流", position: 3 } });
    // b went before a: one of them is out of the common order, not both.
    expect([byId.get(1)!.moved, byId.get(2)!.moved].filter(Boolean)).toHaveLength(1);
    expect(byId.get(1)!.blocks).toEqual([{ kind: "changed", segments: expect.arrayContaining([{ op: "insert", text: expect.stringContaining("改过") }]) }]);
    expect(byId.get(2)!.blocks).toBeUndefined();
  });

  it("marks an article moved to another section", () => {
    const after = snapshot([
      { heading: "工作动态", articles: [a] },
      { heading: "经验交流", articles: [b, c] },
    ]);
    const diff = diffIssueSnapshots(before, after);
    expect(diff.articles.filter((x) => x.moved).map((x) => x.id)).toEqual([2]);
  });
});
