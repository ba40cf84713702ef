// What the printed form (print view, Word export) must contain of the seed.
// It shows every content line of the seed in order, except two that the form
// sets differently on purpose:
//   the title line 山东脱贫攻坚简报2017年第88期(总第225期) → the masthead
//     山东脱贫攻坚简报 and the number line 第88期（总第225期）;
//   the line 来源: 宣传信息组 2017-08-17 10:12 → the issuing body 宣传信息组
//     and the date 2017年8月17日 (the form gives a date, not a time).

const TITLE_RE = /^(.+?)(\d{4})年第(\d+)期\(总第(\d+)期\)$/;
const SOURCE_RE = /^来源:\s*(.+?)\s+(\d{4})-(\d{2})-(\d{2}) \d{2}:\d{2}$/;

export function printedSeedLines(seedLines: string[]): string[] {
  return seedLines.flatMap((line) => {
    const title = TITLE_RE.exec(line);
    if (title) return [title[1]!, `第${Number(title[3])}期（总第${Number(title[4])}期）`];
    const source = SOURCE_RE.exec(line);
    if (source) return [source[1]!, `${Number(source[2])}年${Number(source[3])}月${Number(source[4])}日`];
    return [line];
  });
}

const squash = (s: string) => s.replace(/\s+/g, "");

/** The first line not found in `text` after the previous one (whitespace ignored), or null. */
export function firstMissingInOrder(text: string, lines: string[]): string | null {
  const flat = squash(text);
  let at = 0;
  for (const line of lines) {
    const i = flat.indexOf(squash(line), at);
    if (i < 0) return line;
    at = i + squash(line).length;
  }
  return null;
}
