// Every audited action and target type has a label in both languages, so the
// audit log never shows a raw key (article.accept, media) to an admin.
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/messages";
import { TRANSITIONS } from "@/lib/articles/status";
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from "./actions";

const LOCALES = ["zh-CN", "en"] as const;

function lookup(tree: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), tree);
}

describe("audit labels", () => {
  it.each(LOCALES)("labels every action in %s", (locale) => {
    const audit = loadMessages(locale).audit;
    const missing = AUDIT_ACTIONS.filter((a) => typeof lookup(audit, ["actions", ...a.split(".")]) !== "string");
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)("labels every target type in %s", (locale) => {
    const audit = loadMessages(locale).audit;
    expect(AUDIT_TARGET_TYPES.filter((t) => typeof lookup(audit, ["targets", t]) !== "string")).toEqual([]);
  });

  it.each(LOCALES)("names every action family in %s", (locale) => {
    const audit = loadMessages(locale).audit;
    const families = [...new Set(AUDIT_ACTIONS.map((a) => a.split(".")[0]!))];
    expect(families.filter((f) => typeof lookup(audit, ["families", f]) !== "string")).toEqual([]);
  });

  it("lists every article transition", () => {
    for (const t of Object.keys(TRANSITIONS)) expect(AUDIT_ACTIONS).toContain(`article.${t}`);
  });
});
