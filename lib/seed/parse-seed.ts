// Parses a published issue in the text form of the seed (shandong-2017-88.txt):
// the demo is data read from that file, so the demo and the reference cannot drift.
import type { JSONContent } from "@tiptap/core";

export interface SeedArticle {
  titleLines: string[];
  paragraphs: string[];
  attribution: string;
}
export interface SeedSection {
  heading: string | null;
  articles: SeedArticle[];
}
export interface SeedIssue {
  publicationName: string;
  year: number;
  number: number;
  totalNumber: number;
  source: string;
  /** Local China time as printed: "2017-08-17 10:12". */
  publishedAtLocal: string;
  editor: string;
  sections: SeedSection[];
}

const TITLE_RE = /^(.+?)(\d{4})年第(\d+)期\(总第(\d+)期\)$/;
const SOURCE_RE = /^来源:\s*(.+?)\s+(\d{4}-\d{2}-\d{2} \d{2}:\d{2})$/;
const HEADING_RE = /^【(.+)】$/;
const EDITOR_RE = /^编辑:(.+)$/;
const ATTRIBUTION_RE = /^(.*?)\s*\(([^()]+)\)$/s;

/** A line holding only spaces or no-break spaces separates blocks in the seed. */
const isSeparator = (raw: string) => raw.length > 0 && raw.trim() === "" && /\u00a0/.test(raw);

export function parseSeed(text: string): SeedIssue {
  const blocks: string[][] = [[]];
  for (const raw of text.split(/\r?\n/)) {
    if (isSeparator(raw)) {
      if (blocks.at(-1)!.length) blocks.push([]);
      continue;
    }
    const line = raw.trim();
    if (line) blocks.at(-1)!.push(line);
  }
  const [head, ...articleBlocks] = blocks.filter((b) => b.length);
  if (!head || !articleBlocks.length) throw new Error("seed: no contents or no articles");

  const titleAt = head.findIndex((l) => TITLE_RE.test(l));
  const title = TITLE_RE.exec(head[titleAt] ?? "");
  const source = SOURCE_RE.exec(head[titleAt + 1] ?? "");
  if (!title || !source) throw new Error("seed: title line or 来源 line not found");

  // The table of contents gives the titles; body title lines are matched against it.
  const toc = head.slice(titleAt + 2).filter((l) => !HEADING_RE.test(l));

  const sections: SeedSection[] = [];
  let editor = "";
  let tocIndex = 0;
  for (const block of articleBlocks) {
    const lines = [...block];
    const editorLine = EDITOR_RE.exec(lines.at(-1) ?? "");
    if (editorLine) {
      editor = editorLine[1]!.trim();
      lines.pop();
    }
    let heading: string | null | undefined;
    while (HEADING_RE.test(lines[0] ?? "")) heading = HEADING_RE.exec(lines.shift()!)![1]!;
    if (heading !== undefined || !sections.length) sections.push({ heading: heading ?? null, articles: [] });

    const expected = toc[tocIndex++];
    if (!expected) throw new Error("seed: more articles than contents entries");
    const titleLines: string[] = [];
    while (titleLines.join("") !== expected) {
      const next = lines.shift();
      if (next === undefined || (titleLines.join("") + next).length > expected.length) {
        throw new Error(`seed: title lines do not match the contents entry ${expected}`);
      }
      titleLines.push(next);
    }
    const last = ATTRIBUTION_RE.exec(lines.at(-1) ?? "");
    if (!last) throw new Error(`seed: no attribution at the end of ${expected}`);
    lines[lines.length - 1] = last[1]!;
    sections.at(-1)!.articles.push({ titleLines, paragraphs: lines, attribution: last[2]! });
  }
  if (tocIndex !== toc.length) throw new Error("seed: contents entries without articles");
  if (!editor) throw new Error("seed: no 编辑 line");

  return {
    publicationName: title[1]!,
    year: Number(title[2]),
    number: Number(title[3]),
    totalNumber: Number(title[4]),
    source: source[1]!,
    publishedAtLocal: source[2]!,
    editor,
    sections,
  };
}

// 一、… / 一是… : numbered paragraphs whose lead sentence is set in bold.
const LEAD_RE = /^([一二三四五六七八九十]+(?:、|是).*?。)(.*)$/s;

/** A seed paragraph as a Tiptap paragraph, with a numbered paragraph's lead sentence in bold. */
export function paragraphNode(text: string): JSONContent {
  const lead = LEAD_RE.exec(text);
  if (!lead) return { type: "paragraph", content: [{ type: "text", text }] };
  const content: JSONContent[] = [{ type: "text", text: lead[1]!, marks: [{ type: "bold" }] }];
  if (lead[2]) content.push({ type: "text", text: lead[2] });
  return { type: "paragraph", content };
}

export function articleDocument(paragraphs: string[]): JSONContent {
  return { type: "doc", content: paragraphs.map(paragraphNode) };
}

/** The content lines of the seed in reading order, as a reader page must show them (site chrome excluded). */
export function seedContentLines(text: string): string[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const start = lines.findIndex((l) => TITLE_RE.test(l));
  return lines.slice(start);
}
