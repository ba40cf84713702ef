import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { articleDocument, paragraphNode, parseSeed, seedContentLines } from "./parse-seed";

const committed = path.join(__dirname, "../../db/seed/shandong-2017-88.txt");
const shared = path.join(__dirname, "../../../shared/seed/shandong-2017-88.txt");
const text = fs.readFileSync(committed, "utf8");

describe("parseSeed", () => {
  it("keeps the committed copy identical to the shared reference", () => {
    if (!fs.existsSync(shared)) return; // a clone without ../shared
    expect(text).toBe(fs.readFileSync(shared, "utf8"));
  });

  it("reads the issue's numbers, source, date and editor", () => {
    const seed = parseSeed(text);
    expect(seed).toMatchObject({
      publicationName: "山东脱贫攻坚简报",
      year: 2017,
      number: 88,
      totalNumber: 225,
      source: "宣传信息组",
      publishedAtLocal: "2017-08-17 10:12",
      editor: "刘栋",
    });
  });

  it("reads one section with three articles, multi-line titles and attributions", () => {
    const seed = parseSeed(text);
    expect(seed.sections).toHaveLength(1);
    expect(seed.sections[0]!.heading).toBe("向深度贫困进军");
    const articles = seed.sections[0]!.articles;
    expect(articles.map((a) => a.titleLines)).toEqual([
      ["聊城市狠抓“六项举措”", "集中优势兵力重点突破"],
      ["威海市深入开展脱贫攻坚大调研", "扎实推进“八个精准”要求落实落地"],
      ["省司法厅发挥职能优势服务困难群众"],
    ]);
    expect(articles.map((a) => a.attribution)).toEqual(["聊城市扶贫办", "威海市扶贫办", "省司法厅"]);
    expect(articles.map((a) => a.paragraphs.length)).toEqual([7, 9, 7]);
    expect(articles[0]!.paragraphs.at(-1)).toMatch(/分配挂钩。$/);
  });

  it("accounts for every content line of the seed", () => {
    const seed = parseSeed(text);
    const lines = seedContentLines(text);
    const rebuilt = [
      "山东脱贫攻坚简报2017年第88期(总第225期)",
      "来源: 宣传信息组 2017-08-17 10:12",
      ...seed.sections.flatMap((s) => [`【${s.heading}】`, ...s.articles.map((a) => a.titleLines.join(""))]),
      ...seed.sections.flatMap((s) => [
        `【${s.heading}】`,
        ...s.articles.flatMap((a) => [...a.titleLines, ...a.paragraphs.slice(0, -1), `${a.paragraphs.at(-1)}(${a.attribution})`]),
      ]),
      `编辑:${seed.editor}`,
    ];
    const squash = (l: string) => l.replace(/\s+/g, "");
    expect(rebuilt.map(squash)).toEqual(lines.map(squash));
  });

  it("rejects text that is not an issue", () => {
    expect(() => parseSeed("hello\nworld")).toThrow();
  });
});

describe("paragraphNode", () => {
  it("sets the lead sentence of a numbered paragraph in bold", () => {
    expect(paragraphNode("一、及时召开系列会议,抓落实。8月6日,市委")).toEqual({
      type: "paragraph",
      content: [
        { type: "text", text: "一、及时召开系列会议,抓落实。", marks: [{ type: "bold" }] },
        { type: "text", text: "8月6日,市委" },
      ],
    });
    expect(paragraphNode("一是扶贫专项法治宣传教育进一步深化。制定").content![0]!.marks).toEqual([{ type: "bold" }]);
  });

  it("leaves other paragraphs plain", () => {
    expect(paragraphNode("聊城市认真贯彻落实。").content).toEqual([{ type: "text", text: "聊城市认真贯彻落实。" }]);
    expect(articleDocument(["a", "b"]).content).toHaveLength(2);
  });
});
