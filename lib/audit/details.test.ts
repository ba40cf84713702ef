import { describe, expect, it } from "vitest";
import { auditDetailLines } from "./details";

describe("audit details as lines", () => {
  it("turns changes, layouts, dates, lists and flags into readable lines", () => {
    expect(
      auditDetailLines({
        changed: { name: { from: "聊城市扶贫办", to: "聊城市乡村振兴局" }, active: { from: true, to: false } },
        tokensRevoked: 2,
      }),
    ).toEqual([
      { field: "name", value: "聊城市扶贫办 → 聊城市乡村振兴局" },
      { field: "active", value: "✓ → ✗" },
      { field: "tokensRevoked", value: "2" },
    ]);
    expect(auditDetailLines({ sections: [{ heading: null, articles: 1 }, { heading: "向深度贫困进军", articles: 3 }] })).toEqual([
      { field: "sections", value: "×1 【向深度贫困进军】×3" },
    ]);
    expect(auditDetailLines({ at: "2017-08-17T02:12:00.000Z", comment: "请补充数据", articleId: null })).toEqual([
      { field: "at", value: "2017-08-17 10:12" },
      { field: "comment", value: "请补充数据" },
      { field: "articleId", value: "—" },
    ]);
    expect(auditDetailLines({ weights: { accepted: 2, instruction: { national: 10 } } })).toEqual([
      { field: "weights", value: "accepted: 2, instruction: national: 10" },
    ]);
  });

  it("has no lines for no details, and one for a bare value", () => {
    expect(auditDetailLines(null)).toEqual([]);
    expect(auditDetailLines("x")).toEqual([{ field: "value", value: "x" }]);
  });
});
