import { describe, expect, it } from "vitest";
import { ARTICLE_STATUSES } from "@/db/schema";
import { canTransition, EDITABLE, TRANSITIONS, type Transition } from "./status";

describe("article status machine", () => {
  it("follows the contract", () => {
    const allowed = (t: Transition) => ARTICLE_STATUSES.filter((s) => canTransition(s, t));
    expect(allowed("submit")).toEqual(["draft", "returned"]);
    expect(allowed("return")).toEqual(["submitted"]);
    expect(allowed("accept")).toEqual(["submitted"]);
    expect(allowed("reject")).toEqual(["submitted"]);
    expect(allowed("reopen")).toEqual(["rejected"]);
    expect(allowed("unaccept")).toEqual(["accepted"]);
    expect(allowed("withdraw")).toEqual(["submitted"]);
  });
  it("never leaves published", () => {
    for (const t of Object.keys(TRANSITIONS) as Transition[]) expect(canTransition("published", t)).toBe(false);
    expect(EDITABLE.contributor).not.toContain("published");
    expect(EDITABLE.editor).not.toContain("published");
  });
  it("requires a comment to return or reject", () => {
    expect(TRANSITIONS.return.comment).toBe(true);
    expect(TRANSITIONS.reject.comment).toBe(true);
    expect(TRANSITIONS.accept.comment).toBe(false);
  });
  it("keeps decisions with editors and submissions with contributors", () => {
    expect(TRANSITIONS.accept.permission).toBe("review:article:any");
    expect(TRANSITIONS.submit.permission).toBe("update:article:own-unit");
  });
});
