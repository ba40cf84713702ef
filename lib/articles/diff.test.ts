import { describe, expect, it } from "vitest";
import { diffParagraphs, diffText } from "./diff";

describe("diff for Chinese text", () => {
  it("marks the changed characters, not the whole sentence", () => {
    expect(diffText("坚持问题导向,狠抓六项举措", "坚持目标导向,狠抓六项举措")).toEqual([
      { op: "equal", text: "坚持" },
      { op: "delete", text: "问题" },
      { op: "insert", text: "目标" },
      { op: "equal", text: "导向,狠抓六项举措" },
    ]);
  });

  it("aligns paragraphs and compares changed ones character by character", () => {
    const blocks = diffParagraphs(["甲段。", "乙段原文。", "丙段。"], ["甲段。", "乙段新文。", "丙段。", "丁段。"]);
    expect(blocks).toEqual([
      { kind: "same", text: "甲段。" },
      {
        kind: "changed",
        segments: [
          { op: "equal", text: "乙段" },
          { op: "delete", text: "原" },
          { op: "insert", text: "新" },
          { op: "equal", text: "文。" },
        ],
      },
      { kind: "same", text: "丙段。" },
      { kind: "added", text: "丁段。" },
    ]);
  });

  it("reports removed paragraphs", () => {
    expect(diffParagraphs(["a", "b"], ["a"])).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
    ]);
  });
});
