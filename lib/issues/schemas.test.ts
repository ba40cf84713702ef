import { describe, expect, it } from "vitest";
import { createIssueSchema, layoutSchema } from "./schemas";

describe("issue schemas", () => {
  it("stores a section heading without the brackets the issue prints", () => {
    const parsed = layoutSchema.parse({ sections: [{ heading: " 【向深度贫困进军】 ", articleIds: [1] }, { heading: "工作动态", articleIds: [] }, { heading: null, articleIds: [2] }] });
    expect(parsed.sections.map((s) => s.heading)).toEqual(["向深度贫困进军", "工作动态", null]);
    // Only a whole pair is presentation; brackets inside a heading are its text.
    expect(layoutSchema.parse({ sections: [{ heading: "【一】【二】", articleIds: [] }] }).sections[0]!.heading).toBe("【一】【二】");
    expect(layoutSchema.parse({ sections: [{ heading: "【未完", articleIds: [] }] }).sections[0]!.heading).toBe("【未完");
  });

  it("refuses a heading that is only brackets or blank, and one over 100 characters once the brackets are gone", () => {
    for (const heading of ["【】", "【  】", "   "]) expect(layoutSchema.safeParse({ sections: [{ heading, articleIds: [] }] }).success, heading).toBe(false);
    expect(layoutSchema.safeParse({ sections: [{ heading: `【${"栏".repeat(100)}】`, articleIds: [] }] }).success).toBe(true);
    expect(layoutSchema.safeParse({ sections: [{ heading: "栏".repeat(101), articleIds: [] }] }).success).toBe(false);
  });

  it("takes 编辑 on creation, trimmed, and refuses a blank one", () => {
    expect(createIssueSchema.parse({ publication: "sdtp", editorName: " 刘栋 " }).editorName).toBe("刘栋");
    expect(createIssueSchema.parse({ publication: "sdtp" }).editorName).toBeUndefined();
    expect(createIssueSchema.safeParse({ publication: "sdtp", editorName: "  " }).success).toBe(false);
  });
});
