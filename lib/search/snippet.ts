// The snippet under a search result: a window of the text around the first
// match, every match wrapped in <mark>, and everything else HTML-escaped.
import { escapeHtml } from "@/lib/render/document";
import { normalizeChar } from "./tokens";

interface Range {
  start: number;
  end: number;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Where the needles (already normalized) occur in `text`, as ranges of the original string, merged and sorted. */
export function matchRanges(text: string, needles: string[]): Range[] {
  // Normalize one character at a time, remembering where each normalized unit came from.
  let norm = "";
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const n = normalizeChar(text.slice(i, i + len));
    for (let k = 0; k < n.length; k++) {
      from.push(i);
      to.push(i + len);
    }
    norm += n;
    i += len;
  }
  const ranges: Range[] = [];
  for (const needle of needles) {
    if (!needle) continue;
    for (let at = norm.indexOf(needle); at >= 0; at = norm.indexOf(needle, at + needle.length)) {
      ranges.push({ start: from[at]!, end: to[at + needle.length - 1]! });
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** Safe HTML: escaped text with <mark> around matches, about `width` characters around the first match. */
export function highlightSnippet(text: string, needles: string[], width = 100): string {
  const flat = text.replace(/\s*\n\s*/g, " ");
  const ranges = matchRanges(flat, needles);
  let start = ranges.length ? Math.max(0, ranges[0]!.start - Math.floor(width / 4)) : 0;
  let end = Math.min(flat.length, start + width);
  // A match the window would cut (扶… of 扶贫) is shown whole.
  const cut = ranges.find((r) => r.start < end && r.end > end);
  if (cut) end = cut.end;
  if (start > 0 && isLowSurrogate(flat.charCodeAt(start))) start--;
  if (end < flat.length && isLowSurrogate(flat.charCodeAt(end))) end++;
  let out = start > 0 ? "…" : "";
  let at = start;
  for (const r of ranges) {
    if (r.end <= start || r.start >= end) continue;
    const s = Math.max(r.start, start);
    const e = Math.min(r.end, end);
    out += escapeHtml(flat.slice(at, s)) + "<mark>" + escapeHtml(flat.slice(s, e)) + "</mark>";
    at = e;
  }
  out += escapeHtml(flat.slice(at, end));
  if (end < flat.length) out += "…";
  return out;
}
