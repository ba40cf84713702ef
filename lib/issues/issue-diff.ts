// What changed in an issue between two snapshots: the fields, the sections,
// the order of the articles and their texts. Shown to the signer when an issue
// they returned comes back for 签发.
import { diffArrays } from "diff";
import { diffParagraphs, diffText, type DiffBlock, type Segment } from "@/lib/articles/diff";
import type { IssueSnapshot, SnapshotArticle } from "./snapshot";

export interface IssuePlace {
  /** The section heading, or null before the first section. */
  section: string | null;
  /** 1-based position in the whole issue. */
  position: number;
}

export interface ArticleDiff {
  id: number;
  title: string;
  change: "added" | "removed" | "kept";
  /** Kept, but in another section or out of its former order. */
  moved: boolean;
  from: IssuePlace | null;
  to: IssuePlace | null;
  /** Present only when that part changed. */
  titleDiff?: Segment[];
  attributionDiff?: Segment[];
  blocks?: DiffBlock[];
}

export interface IssueDiff {
  fields: { field: "title" | "source" | "editor" | "note"; from: string; to: string }[];
  sections: { added: string[]; removed: string[]; moved: string[] };
  articles: ArticleDiff[];
  unchanged: boolean;
}

function placed(snapshot: IssueSnapshot): { article: SnapshotArticle; place: IssuePlace }[] {
  let position = 0;
  return snapshot.sections.flatMap((s) => s.articles.map((article) => ({ article, place: { section: s.heading, position: ++position } })));
}

/** Items of `to` that are not in a longest common order with `from`: what was moved. */
function outOfOrder<T>(from: T[], to: T[]): Set<T> {
  const moved = new Set<T>();
  for (const part of diffArrays(from, to)) if (part.added) part.value.forEach((v) => moved.add(v));
  return moved;
}

const changed = (segments: Segment[]) => segments.some((s) => s.op !== "equal");

export function diffIssueSnapshots(from: IssueSnapshot, to: IssueSnapshot): IssueDiff {
  const fields: IssueDiff["fields"] = [];
  const field = (name: IssueDiff["fields"][number]["field"], a: string | null, b: string | null) => {
    if ((a ?? "") !== (b ?? "")) fields.push({ field: name, from: a ?? "", to: b ?? "" });
  };
  field("title", from.title, to.title);
  field("source", from.source, to.source);
  field("editor", from.editor, to.editor);
  field("note", from.note, to.note);

  const headings = (s: IssueSnapshot) => s.sections.map((x) => x.heading).filter((h): h is string => h !== null);
  const [fromHeadings, toHeadings] = [headings(from), headings(to)];
  const keptHeadings = (list: string[], other: string[]) => list.filter((h) => other.includes(h));
  const sections = {
    added: toHeadings.filter((h) => !fromHeadings.includes(h)),
    removed: fromHeadings.filter((h) => !toHeadings.includes(h)),
    moved: [...outOfOrder(keptHeadings(fromHeadings, toHeadings), keptHeadings(toHeadings, fromHeadings))],
  };

  const before = placed(from);
  const after = placed(to);
  const beforeById = new Map(before.map((p) => [p.article.id, p]));
  const afterIds = new Set(after.map((p) => p.article.id));
  const keptOrder = outOfOrder(
    before.filter((p) => afterIds.has(p.article.id)).map((p) => p.article.id),
    after.filter((p) => beforeById.has(p.article.id)).map((p) => p.article.id),
  );
  const articles: ArticleDiff[] = after.map(({ article, place }) => {
    const old = beforeById.get(article.id);
    if (!old) return { id: article.id, title: article.title, change: "added", moved: false, from: null, to: place };
    const diff: ArticleDiff = {
      id: article.id,
      title: article.title,
      change: "kept",
      moved: old.place.section !== place.section || keptOrder.has(article.id),
      from: old.place,
      to: place,
    };
    const titleDiff = diffText(old.article.titleLines.join(" / "), article.titleLines.join(" / "));
    if (changed(titleDiff)) diff.titleDiff = titleDiff;
    const attributionDiff = diffText(old.article.attribution, article.attribution);
    if (changed(attributionDiff)) diff.attributionDiff = attributionDiff;
    if (old.article.text !== article.text || old.article.html !== article.html) {
      diff.blocks = diffParagraphs(old.article.text.split("\n"), article.text.split("\n"));
    }
    return diff;
  });
  for (const { article, place } of before) {
    if (!afterIds.has(article.id)) articles.push({ id: article.id, title: article.title, change: "removed", moved: false, from: place, to: null });
  }
  const unchanged =
    !fields.length &&
    !sections.added.length &&
    !sections.removed.length &&
    !sections.moved.length &&
    articles.every((a) => a.change === "kept" && !a.moved && !a.titleDiff && !a.attributionDiff && !a.blocks);
  return { fields, sections, articles, unchanged };
}
