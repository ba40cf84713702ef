import { describe, expect, it } from "vitest";
import { currentHref } from "./current-href";

describe("currentHref", () => {
  const menu = ["/workspace", "/workspace/issues", "/workspace/admin", "/workspace/admin/units", "/"];
  it("takes the longest prefix, by whole segments", () => {
    expect(currentHref(menu, "/workspace")).toBe("/workspace");
    expect(currentHref(menu, "/workspace/articles/5")).toBe("/workspace");
    expect(currentHref(menu, "/workspace/issues/3/preview")).toBe("/workspace/issues");
    expect(currentHref(menu, "/workspace/admin/users/7")).toBe("/workspace/admin");
    expect(currentHref(menu, "/workspace/admin/units")).toBe("/workspace/admin/units");
    expect(currentHref(menu, "/workspace/issuesx")).toBe("/workspace");
  });
  it("never marks the reader site, nor anything outside the menu", () => {
    expect(currentHref(menu, "/")).toBeUndefined();
    expect(currentHref(menu, "/p/sdtp/2017/88")).toBeUndefined();
  });
});
