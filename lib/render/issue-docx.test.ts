// Integration: the seed issue exported to Word reads back (with mammoth) line by line.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import mammoth from "mammoth";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { loadDemo, SEED_FILE } from "@/lib/demo/load-demo";
import { getReaderIssue } from "@/lib/issues/reader";
import { seedContentLines } from "@/lib/seed/parse-seed";
import { issueDocx, issueDocxFileName } from "./issue-docx";
import { firstMissingInOrder, printedSeedLines } from "@/lib/testing/printed-lines";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await loadDemo({ password: "demo-password-1" });
});
afterAll(() => db?.drop());

describe("issue.docx", () => {
  it("holds every content line of the seed, in order, in the printed form", async () => {
    const { snapshot } = await getReaderIssue("sdtp", 2017, 88);
    const buffer = await issueDocx(snapshot);
    expect(buffer.subarray(0, 2).toString()).toBe("PK");
    const { value: text } = await mammoth.extractRawText({ buffer });
    const expected = printedSeedLines(seedContentLines(fs.readFileSync(SEED_FILE, "utf8")));
    expect(firstMissingInOrder(text, expected)).toBeNull();
    expect(text).toContain("印发：宣传信息组");
    // The check fails on a missing or misplaced line.
    expect(firstMissingInOrder(text, [...expected, "不存在的一行"])).toBe("不存在的一行");
    expect(firstMissingInOrder(text, [expected[30]!, expected[10]!])).toBe(expected[10]);
  });

  it("keeps the bold lead sentences, the red masthead and the A4 page", async () => {
    const { snapshot } = await getReaderIssue("sdtp", 2017, 88);
    const buffer = await issueDocx(snapshot);
    const { value: html } = await mammoth.convertToHtml({ buffer });
    expect(html).toContain("<strong>一、及时召开系列会议,抓落实。</strong>8月6日");
    expect(html).toContain("<strong>六是法律援助质量进一步提升。</strong>");
    const JSZip = (await import("jszip")).default;
    const xml = await (await JSZip.loadAsync(buffer)).file("word/document.xml")!.async("string");
    expect(xml).toMatch(/<w:color w:val="C00000"\/>[\s\S]*?山东脱贫攻坚简报/);
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toMatch(/w:firstLineChars="200"/);
  });

  it("names the file after the issue", async () => {
    const { snapshot } = await getReaderIssue("sdtp", 2017, 88);
    expect(issueDocxFileName(snapshot)).toBe("山东脱贫攻坚简报2017年第88期(总第225期).docx");
  });
});
