// The numbered levels of a Chinese official document (公文, GB/T 9704): 一、 set
// in 黑体, （一） in 楷体, 1. in bold 仿宋, （1） in 仿宋. Word and WPS carry them
// only as fonts and weights, which the editor does not keep; this decides, from
// those fonts and weights, what each numbered line is in the editor's terms: a
// heading (一、 → h2, （一） → h3, 1. → h4) when the whole line is set apart, a
// bold lead when a set-apart sentence opens a paragraph, or plain text.
// Used by the paste cleaner (components/editor/paste.ts) and the .docx import.

export type LevelMarker = 1 | 2 | 3 | 4;

const MARKERS: [LevelMarker, RegExp][] = [
  [1, /^[一二三四五六七八九十百]+、/],
  [2, /^[(（][一二三四五六七八九十百]+[)）]/],
  // 1. or 1．, not 1.2万户
  [3, /^\d{1,2}[.．](?!\d)/],
  [4, /^[(（]\d{1,2}[)）]/],
];

/** Leading indent typed by hand: spaces, no-break spaces, U+3000 (全角空格), tabs. */
export const LEADING_INDENT = /^[\s\u3000\u00a0]+/;

/** The level a line's numbering marks (一、 → 1, （一） → 2, 1. → 3, （1） → 4), and the marker's length. */
export function levelMarkerOf(text: string): { level: LevelMarker; length: number } | null {
  const t = text.replace(LEADING_INDENT, "");
  for (const [level, re] of MARKERS) {
    const m = re.exec(t);
    if (m) return { level, length: m[0].length };
  }
  return null;
}

const HEITI = /黑体|SimHei|Heiti|FZHei|方正黑/i;
const KAITI = /楷|KaiTi|STKaiti|FZKai/i;

export interface StyledRun {
  text: string;
  /** Every font name the run is set in (Latin and East Asian), as one string. */
  font?: string | null;
  bold?: boolean;
}

export type LevelDecision =
  | { kind: "heading"; level: 2 | 3 | 4 }
  /** Bold the first `chars` characters (counted from the start of the text, indent included; always a whole number of runs). */
  | { kind: "lead"; chars: number }
  | null;

/** Whether a run is set apart the way its level is: 黑体 for 一、, 楷体 for （一）, bold for any. */
function setApart(run: StyledRun, level: LevelMarker): boolean {
  if (run.bold) return true;
  const font = run.font ?? "";
  return (level === 1 && HEITI.test(font)) || (level === 2 && KAITI.test(font));
}

/** Longest a heading line may be; a longer set-apart paragraph stays a (bold) paragraph. */
const MAX_HEADING_CHARS = 60;

/** What a paragraph that begins with a level's numbering is, from its runs' fonts and weights. */
export function decideLevel(runs: StyledRun[]): LevelDecision {
  const text = runs.map((r) => r.text).join("");
  const marker = levelMarkerOf(text);
  if (!marker) return null;
  let pos = 0;
  let covered = 0;
  for (const run of runs) {
    const start = pos;
    pos += run.text.length;
    if (!run.text.trim()) {
      if (covered === start) covered = pos; // white space inside the set-apart part
      continue;
    }
    if (!setApart(run, marker.level)) break;
    covered = pos;
  }
  const indent = (LEADING_INDENT.exec(text)?.[0] ?? "").length;
  const lead = text.slice(indent, covered).trim();
  // Only the number set apart, or not even that: nothing to keep.
  if (lead.length <= marker.length) return null;
  const rest = text.slice(covered).trim();
  if (!rest && marker.level <= 3 && lead.length <= MAX_HEADING_CHARS) return { kind: "heading", level: (marker.level + 1) as 2 | 3 | 4 };
  return { kind: "lead", chars: covered };
}
