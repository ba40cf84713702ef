// Every field an audit entry's details can carry has a label in both
// languages, so the audit page never shows a raw key (signerId, contentHash).
// The keys are read from the source: the object literals written as
// `details: { … }` in recordAudit calls, with the keys of their conditional
// spreads (`...(x ? { key: … } : {})`). Details passed as a variable are not
// seen here; the literal keys are the ones that grow with new features.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import zh from "@/messages/zh-CN/audit.json";
import en from "@/messages/en/audit.json";

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** The text of the object literal opening at `open` (a "{"), braces balanced. */
function objectAt(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error("unbalanced braces");
}

/** Keys at the literal's own level and in its conditional spreads' objects; nested values (a change's from/to) are skipped. */
function detailKeys(literal: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  // Depths whose keys are the entry's own: 0, and each `? {` object of a spread.
  const own = [true];
  for (let i = 0; i < literal.length; i++) {
    const c = literal[i]!;
    if (c === "{") {
      own.push(/\?\s*$/.test(literal.slice(0, i)) && own[depth]!);
      depth++;
    } else if (c === "}") {
      own.pop();
      depth--;
    } else if (own[depth] && /[A-Za-z_]/.test(c) && !/[\w.$]/.test(literal[i - 1] ?? " ")) {
      const word = /^\w+/.exec(literal.slice(i))![0];
      const after = literal.slice(i + word.length);
      // `key:` (a ternary's colon has a space before it) or a shorthand `key,` / `key }`.
      const before = literal.slice(0, i).trimEnd();
      if (/^:/.test(after) || (/^\s*(,|$)/.test(after) && /(^|[{,])$/.test(before))) keys.push(word);
      i += word.length - 1;
    }
  }
  return keys;
}

function auditDetailKeys(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of [...sourceFiles(path.join(process.cwd(), "lib")), ...sourceFiles(path.join(process.cwd(), "app"))]) {
    const text = fs.readFileSync(file, "utf8");
    for (const call of text.matchAll(/recordAudit\(/g)) {
      const end = text.indexOf(");", call.index);
      const at = text.slice(call.index, end).search(/details:\s*\{/);
      if (at < 0) continue;
      const open = text.indexOf("{", call.index + at);
      for (const key of detailKeys(objectAt(text, open))) if (!found.has(key)) found.set(key, path.relative(process.cwd(), file));
    }
  }
  return found;
}

describe("audit field labels", () => {
  it("reads the keys of a details literal, its conditional spreads included, not nested values", () => {
    expect(detailKeys(` version, ...(t !== undefined ? { title: { from: a, to: b } } : {}), ...(brief ? { brief: true } : {}), reason `)).toEqual(["version", "title", "brief", "reason"]);
    expect(detailKeys(` text: input.text, articleId, correctionId: saved!.id, contentHash `)).toEqual(["text", "articleId", "correctionId", "contentHash"]);
    expect(detailKeys(` x: a ? b : c, y `)).toEqual(["x", "y"]);
  });

  it("labels every key recordAudit writes, in Chinese and in English", () => {
    const keys = auditDetailKeys();
    expect(keys.size).toBeGreaterThan(30);
    // `changed` is never shown itself: auditDetailLines makes a line of each field it holds.
    keys.delete("changed");
    const unlabeled = (fields: Record<string, string>) => [...keys].filter(([k]) => !(k in fields)).map(([k, file]) => `${k} (${file})`);
    expect(unlabeled(zh.fields), "zh-CN audit.fields").toEqual([]);
    expect(unlabeled(en.fields), "en audit.fields").toEqual([]);
  });
});
