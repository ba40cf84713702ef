// Revision history: every save is kept; any two can be compared; any one can
// be restored as a new revision (history is never rewritten).
import { and, asc, desc, eq, lte } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import { getDb } from "@/db";
import { articleEvents, articleRevisions, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/permissions";
import { AppError, msg } from "@/lib/errors";
import { documentText } from "@/lib/render/document";
import { getArticle } from "./articles";
import { diffParagraphs, diffText, type DiffBlock, type Segment } from "./diff";
import { updateArticle } from "./mutations";

export interface RevisionSummary {
  version: number;
  title: string;
  author: string | null;
  note: string | null;
  createdAt: string;
}

export async function listRevisions(viewer: Viewer, articleId: number): Promise<RevisionSummary[]> {
  await getArticle(viewer, articleId); // visibility
  const db = await getDb();
  const rows = await db
    .select({ version: articleRevisions.version, title: articleRevisions.title, author: users.name, note: articleRevisions.note, createdAt: articleRevisions.createdAt })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.authorId))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.version));
  return rows.map((r) => ({ ...r, title: r.title.split("\n").join(""), createdAt: r.createdAt.toISOString() }));
}

async function revisionAt(articleId: number, version: number) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, articleId), eq(articleRevisions.version, version)));
  if (!row) throw new AppError("not_found", msg("article.versionNotFound", { version }));
  return row;
}

/** The version the contributor last submitted (原稿): the newest revision saved before the last submission. */
export async function submittedVersion(articleId: number): Promise<number | null> {
  const db = await getDb();
  const [submitted] = await db
    .select({ at: articleEvents.createdAt })
    .from(articleEvents)
    .where(and(eq(articleEvents.articleId, articleId), eq(articleEvents.type, "submitted")))
    .orderBy(desc(articleEvents.createdAt), desc(articleEvents.id))
    .limit(1);
  if (!submitted) return null;
  const [rev] = await db
    .select({ version: articleRevisions.version })
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, articleId), lte(articleRevisions.createdAt, submitted.at)))
    .orderBy(desc(articleRevisions.version))
    .limit(1);
  if (rev) return rev.version;
  const [first] = await db.select({ version: articleRevisions.version }).from(articleRevisions).where(eq(articleRevisions.articleId, articleId)).orderBy(asc(articleRevisions.version)).limit(1);
  return first?.version ?? null;
}

export interface RevisionDiff {
  from: { version: number; label: string };
  to: { version: number; label: string };
  title: Segment[];
  attribution: Segment[];
  blocks: DiffBlock[];
}

/** Compares two versions; by default the submitted text (原稿) against the current text. */
export async function diffRevisions(viewer: Viewer, articleId: number, fromVersion?: number, toVersion?: number): Promise<RevisionDiff> {
  const article = await getArticle(viewer, articleId);
  const to = toVersion ?? article.version;
  const from = fromVersion ?? (await submittedVersion(articleId)) ?? 1;
  const [a, b] = await Promise.all([revisionAt(articleId, from), revisionAt(articleId, to)]);
  return {
    from: { version: a.version, label: fromVersion === undefined ? "原稿" : `第 ${a.version} 版` },
    to: { version: b.version, label: toVersion === undefined ? "当前稿" : `第 ${b.version} 版` },
    title: diffText(a.title.split("\n").join(" / "), b.title.split("\n").join(" / ")),
    attribution: diffText(a.attribution, b.attribution),
    blocks: diffParagraphs(documentText(a.body as JSONContent).split("\n"), documentText(b.body as JSONContent).split("\n")),
  };
}

/** Restores an old version's text as a new revision. */
export async function restoreRevision(viewer: Viewer, articleId: number, version: number, expectedVersion: number) {
  await getArticle(viewer, articleId);
  const rev = await revisionAt(articleId, version);
  return updateArticle(viewer, articleId, {
    title: rev.title,
    body: rev.body,
    attribution: rev.attribution,
    version: expectedVersion,
    note: `恢复自第 ${version} 版`,
  });
}
