import { describe, expect, it } from "vitest";
import { loadMessages } from "./messages";

/** Every key path of a message tree. */
function keys(tree: unknown, prefix = ""): string[] {
  if (typeof tree !== "object" || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("messages", () => {
  it("has the same keys in Chinese and English", () => {
    expect(keys(loadMessages("en")).sort()).toEqual(keys(loadMessages("zh-CN")).sort());
  });
});
