// A readable diff for Chinese text: paragraphs are aligned first, then changed
// paragraphs are compared character by character (Chinese has no spaces, so a
// word diff would mark whole sentences).
import { diffArrays, diffChars } from "diff";

export type Segment = { op: "equal" | "insert" | "delete"; text: string };
export type DiffBlock =
  | { kind: "same"; text: string }
  | { kind: "changed"; segments: Segment[] }
  | { kind: "added"; text: string }
  | { kind: "removed"; text: string };

export function diffText(from: string, to: string): Segment[] {
  return diffChars(from, to).map((c) => ({ op: c.added ? "insert" : c.removed ? "delete" : "equal", text: c.value }));
}

export function diffParagraphs(from: string[], to: string[]): DiffBlock[] {
  const out: DiffBlock[] = [];
  const parts = diffArrays(from, to);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.added && !part.removed) {
      part.value.forEach((text) => out.push({ kind: "same", text }));
      continue;
    }
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      // A run of removed paragraphs followed by added ones: changed in place.
      const n = Math.min(part.value.length, next.value.length);
      for (let k = 0; k < n; k++) out.push({ kind: "changed", segments: diffText(part.value[k]!, next.value[k]!) });
      part.value.slice(n).forEach((text) => out.push({ kind: "removed", text }));
      next.value.slice(n).forEach((text) => out.push({ kind: "added", text }));
      i++;
      continue;
    }
    part.value.forEach((text) => out.push(part.added ? { kind: "added", text } : { kind: "removed", text }));
  }
  return out;
}
