import { describe, expect, it } from "vitest";
import { decideLevel, levelMarkerOf } from "./official-levels";

describe("levelMarkerOf", () => {
  it.each([
    ["　　一、强化组织领导", 1],
    ["十二、其他", 1],
    ["（一）压实责任", 2],
    ["(三)压实责任", 2],
    ["1.召开会议", 3],
    ["12．召开会议", 3],
    ["（1）逐户走访", 4],
    ["(2)逐户走访", 4],
  ])("%s is level %i", (text, level) => {
    expect(levelMarkerOf(text)?.level).toBe(level);
  });
  it.each(["1.2万户脱贫", "一是抓落实", "今年以来", "（插花贫困户）"])("%s has no level", (text) => {
    expect(levelMarkerOf(text)).toBeNull();
  });
});

describe("decideLevel", () => {
  it("makes whole lines set apart headings: 一、 in 黑体 → h2, （一） in 楷体 → h3, bold 1. → h4", () => {
    expect(decideLevel([{ text: "　　一、强化组织领导", font: "黑体" }])).toEqual({ kind: "heading", level: 2 });
    expect(decideLevel([{ text: "（一）压实责任", font: "楷体_GB2312" }])).toEqual({ kind: "heading", level: 3 });
    expect(decideLevel([{ text: "1.", bold: true }, { text: "召开会议", bold: true }])).toEqual({ kind: "heading", level: 4 });
    expect(decideLevel([{ text: "一、", font: "Times New Roman,黑体" }, { text: "抓好工作", font: "SimHei" }])).toEqual({ kind: "heading", level: 2 });
  });

  it("makes a set-apart opening sentence a bold lead, counted over whole runs", () => {
    expect(decideLevel([{ text: "　　" }, { text: "（一）逐户排查。", font: "楷体" }, { text: "对全市逐户排查。", font: "仿宋" }])).toEqual({ kind: "lead", chars: 10 });
    expect(decideLevel([{ text: "（1）逐户走访。", bold: true }, { text: "不漏一户。" }])).toEqual({ kind: "lead", chars: 8 });
    // （1） has no heading level left: a bold line stays a bold paragraph.
    expect(decideLevel([{ text: "（1）逐户走访", bold: true }])).toEqual({ kind: "lead", chars: 7 });
  });

  it("leaves lines alone whose fonts do not match their level, or only the number is set apart", () => {
    expect(decideLevel([{ text: "一、强化组织领导", font: "仿宋" }])).toBeNull();
    expect(decideLevel([{ text: "（一）压实责任", font: "黑体" }])).toBeNull();
    expect(decideLevel([{ text: "1.召开会议", font: "黑体" }])).toBeNull();
    expect(decideLevel([{ text: "一、", bold: true }, { text: "强化组织领导" }])).toBeNull();
    expect(decideLevel([{ text: "今年以来", bold: true }])).toBeNull();
  });

  it("keeps a long set-apart paragraph a paragraph", () => {
    expect(decideLevel([{ text: `一、${"长".repeat(80)}`, font: "黑体" }])).toEqual({ kind: "lead", chars: 82 });
  });
});
