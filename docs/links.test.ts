// Every relative link in the README and docs/*.md (and the result notes in
// bench/results/) must point at a file inside the repository, and a link to a
// heading (`file.md#heading`) at a heading that exists, so the docs cannot
// rot silently when a file moves or a section is renamed. Pure: no database.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

const mdIn = (dir: string) =>
  fs.existsSync(path.join(root, dir))
    ? fs.readdirSync(path.join(root, dir)).filter((f) => f.endsWith(".md")).map((f) => path.join(dir, f))
    : [];

const FILES = ["README.md", ...mdIn("docs"), ...mdIn("bench/results")];

/** The text without fenced code blocks and inline code, where brackets are not links. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "").replace(/`[^`\n]*`/g, "");
}

/** The targets of `[text](target)` and `![alt](target)` links. */
export function linkTargets(markdown: string): string[] {
  const targets: string[] = [];
  for (const m of prose(markdown).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) targets.push(m[1]!);
  return targets;
}

/** GitHub's anchors for a file's headings (github-slugger: lower case, punctuation dropped, spaces to hyphens). */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const withoutCode = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
  for (const m of withoutCode.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = m[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
      .replace(/ /g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n ? `${base}-${n}` : base);
  }
  return anchors;
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

describe("documentation links", () => {
  it("finds the README and the docs", () => {
    expect(FILES).toContain("README.md");
    expect(FILES.length).toBeGreaterThan(1);
  });

  it("reads GitHub's heading anchors", () => {
    expect([...headingAnchors("# A\n## Why `next.config.ts` sets `x.y`\n## Memory\n## Memory\n")]).toEqual([
      "a",
      "why-nextconfigts-sets-xy",
      "memory",
      "memory-1",
    ]);
    expect(linkTargets("[a](b.md) `[c](d.md)` ![e](f.png)\n```\n[g](h.md)\n```\n")).toEqual(["b.md", "f.png"]);
  });

  for (const file of FILES) {
    it(`${file}: every relative link resolves inside the repository`, () => {
      const text = fs.readFileSync(path.join(root, file), "utf8");
      const problems: string[] = [];
      for (const target of linkTargets(text)) {
        if (isExternal(target)) continue;
        const [rawPath, anchor] = target.split("#", 2) as [string, string | undefined];
        const resolved = rawPath ? path.resolve(path.dirname(path.join(root, file)), decodeURI(rawPath)) : path.join(root, file);
        if (resolved !== root && !resolved.startsWith(root + path.sep)) {
          problems.push(`${target}: outside the repository`);
          continue;
        }
        if (!fs.existsSync(resolved)) {
          problems.push(`${target}: no such file`);
          continue;
        }
        if (anchor && resolved.endsWith(".md") && !headingAnchors(fs.readFileSync(resolved, "utf8")).has(anchor)) {
          problems.push(`${target}: no heading with that anchor`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
