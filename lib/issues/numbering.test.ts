import { describe, expect, it } from "vitest";
import { issueTitle } from "./numbering";

describe("issueTitle", () => {
  it("derives the title line of the seed", () => {
    expect(issueTitle("山东脱贫攻坚简报", { year: 2017, number: 88, totalNumber: 225 })).toBe("山东脱贫攻坚简报2017年第88期(总第225期)");
  });
  it("omits the total number where the publication does not use it", () => {
    expect(issueTitle("简报", { year: 2018, number: 1, totalNumber: 227 }, false)).toBe("简报2018年第1期");
  });
  it("names a supplement", () => {
    expect(issueTitle("简报", { year: 2018, number: 2, totalNumber: null, series: "supplement" })).toBe("简报2018年增刊第2期");
  });
});
