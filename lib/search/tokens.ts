// Chinese needs no segmenter here: text is cut into runs of CJK characters
// and runs of other letters/digits. A CJK run is indexed as its overlapping
// character bigrams (插花贫困户 → 插花 花贫 贫困 困户) followed by its last
// character alone, so every character starts some token; other runs are
// lower-cased words. The same cut turns a query into a tsquery: a CJK run is a
// phrase of its bigrams (<->), a one-character run a prefix (户:*), and the
// runs are ANDed. Why bigrams: see docs/architecture.md, "Search".

const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}`;
const RUN = new RegExp(String.raw`([${CJK}]+)|((?:(?![${CJK}])[\p{L}\p{N}])+)`, "gu");

/** Longest word kept (PostgreSQL refuses lexemes over 2 KB; nobody searches for 64-letter words). */
const MAX_WORD = 64;
/** Limits on a query: longer ones are refused with a message, not run. */
export const MAX_QUERY_CHARS = 100;
export const MAX_QUERY_TOKENS = 64;

export interface Run {
  kind: "cjk" | "word";
  text: string;
}

/** One character at a time so that offsets stay meaningful for highlighting. */
export function normalizeChar(c: string): string {
  return c.normalize("NFKC").toLowerCase();
}

export function normalizeText(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** The runs of a text, normalized (NFKC, lower case). Punctuation, spaces and symbols separate runs. */
export function textRuns(text: string): Run[] {
  const runs: Run[] = [];
  for (const m of normalizeText(text).matchAll(RUN)) {
    if (m[1]) runs.push({ kind: "cjk", text: m[1] });
    else if (m[2]) runs.push({ kind: "word", text: m[2].slice(0, MAX_WORD) });
  }
  return runs;
}

function bigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** The tokens of a text for the index, in order (their positions make phrase queries work). */
export function indexTokens(text: string): string[] {
  const out: string[] = [];
  for (const run of textRuns(text)) {
    if (run.kind === "word") {
      out.push(run.text);
      continue;
    }
    const chars = Array.from(run.text);
    out.push(...bigrams(run.text));
    if (chars.length > 1) out.push(chars.at(-1)!);
  }
  return out;
}

/** The index tokens as one space-separated string for to_tsvector('simple', …). */
export function indexDocumentText(text: string): string {
  return indexTokens(text).join(" ");
}

/** A tsquery lexeme, quoted. Tokens hold only letters and digits, but quote and escape anyway. */
const lexeme = (token: string) => `'${token.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;

export type ParsedQuery =
  | {
      ok: true;
      /** The query: each CJK run a phrase of its bigrams (<->), the runs ANDed. */
      tsquery: string;
      /** The same lexemes, all ANDed: no phrase, so a GIN index answers it exactly (a superset of tsquery's matches). */
      lexemes: string;
      needles: string[];
    }
  | { ok: false; reason: "empty" }
  | { ok: false; reason: "too_long" };

/**
 * A user's query as tsquery text for to_tsquery('simple', $1) (always passed as
 * a parameter) and the strings to highlight. Operators, quotes and SQL in the
 * input are only separators here: they never reach tsquery syntax.
 */
export function parseQuery(q: string): ParsedQuery {
  if (Array.from(q).length > MAX_QUERY_CHARS) return { ok: false, reason: "too_long" };
  const runs = textRuns(q);
  const groups: string[] = [];
  const plain: string[] = [];
  const needles: string[] = [];
  let count = 0;
  const seen = new Set<string>();
  for (const run of runs) {
    if (seen.has(`${run.kind}:${run.text}`)) continue;
    seen.add(`${run.kind}:${run.text}`);
    needles.push(run.text);
    if (run.kind === "word") {
      groups.push(lexeme(run.text));
      plain.push(lexeme(run.text));
      count++;
    } else if (Array.from(run.text).length === 1) {
      groups.push(`${lexeme(run.text)}:*`);
      plain.push(`${lexeme(run.text)}:*`);
      count++;
    } else {
      const grams = bigrams(run.text);
      groups.push(grams.length === 1 ? lexeme(grams[0]!) : `(${grams.map(lexeme).join(" <-> ")})`);
      plain.push(...grams.map(lexeme));
      count += grams.length;
    }
  }
  if (!groups.length) return { ok: false, reason: "empty" };
  if (count > MAX_QUERY_TOKENS) return { ok: false, reason: "too_long" };
  return { ok: true, tsquery: groups.join(" & "), lexemes: plain.join(" & "), needles };
}
