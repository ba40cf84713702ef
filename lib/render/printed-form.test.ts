import { describe, expect, it } from "vitest";
import type { IssueSnapshot } from "@/lib/issues/snapshot";
import { printedForm } from "./printed-form";

const snapshot = (over: Partial<IssueSnapshot["publication"]> = {}, issue: Partial<IssueSnapshot> = {}): IssueSnapshot => ({
  publication: {
    slug: "sdtp",
    name: "山东脱贫攻坚简报",
    issuingBody: "宣传信息组",
    subtitle: null,
    showTotalNumber: true,
    printRecipients: null,
    printCc: null,
    printIssuer: null,
    printCopies: null,
    ...over,
  },
  issueId: 1,
  series: "regular",
  year: 2017,
  number: 88,
  totalNumber: 225,
  title: "山东脱贫攻坚简报2017年第88期(总第225期)",
  source: "宣传信息组",
  editor: "刘栋",
  note: null,
  publishedAt: "2017-08-17T02:12:00.000Z",
  sections: [],
  ...issue,
});

describe("printedForm", () => {
  it("gives the masthead, number line, issuing body and Chinese date", () => {
    expect(printedForm(snapshot())).toEqual({
      masthead: "山东脱贫攻坚简报",
      subtitle: null,
      numberLine: "第88期（总第225期）",
      issuingBody: "宣传信息组",
      date: "2017年8月17日",
      distribution: [],
      issuer: "宣传信息组",
      copies: null,
      editor: "刘栋",
      signer: null,
    });
  });

  it("prints 签发：姓名 only when the snapshot carries the signer (publications that print it)", () => {
    expect(printedForm(snapshot({}, { signer: "王建国" })).signer).toBe("王建国");
    expect(printedForm(snapshot({}, { signer: "  " })).signer).toBeNull();
  });

  it("leaves out the total number when the publication hides it, and marks supplements", () => {
    expect(printedForm(snapshot({ showTotalNumber: false })).numberLine).toBe("第88期");
    expect(printedForm(snapshot({}, { series: "supplement", number: 2 })).numberLine).toBe("增刊第2期（总第225期）");
  });

  it("prints the distribution lines the publication has", () => {
    const form = printedForm(snapshot({ printRecipients: "省委、省政府领导", printCc: " ", printIssuer: "省扶贫办秘书处", printCopies: 120 }));
    expect(form.distribution).toEqual([{ label: "报送", text: "省委、省政府领导" }]);
    expect(form.issuer).toBe("省扶贫办秘书处");
    expect(form.copies).toBe("共印120份");
  });

  it("dates by China time", () => {
    expect(printedForm(snapshot({}, { publishedAt: "2017-08-16T17:00:00.000Z" })).date).toBe("2017年8月17日");
  });
});
