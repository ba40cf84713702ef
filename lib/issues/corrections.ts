// 更正 (corrections) to a published issue: a dated note to readers, and
// optionally a new text for one article. Readers see a correction through a
// new snapshot; the earlier snapshots are kept.
//
// Where the publication requires 签发, a correction is saved `pending` and
// readers keep seeing the signed text until a signer signs it (then it is
// shown, the signature covering a hash of the corrected content) or returns
// it with a comment. One correction at a time waits per issue (a partial
// unique index), so each is drafted against exactly what readers see.
import { createHash } from "node:crypto";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { getDb, type Tx } from "@/db";
import { articles, corrections, issueSnapshots, issues, publications, users, type CorrectionStatus } from "@/db/schema";
import { authorize, type Viewer } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/audit";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { notifyAboutIssue } from "@/lib/notifications/notifications";
import { documentText, renderDocumentHtml } from "@/lib/render/document";
import { indexIssueSnapshot } from "@/lib/search/search";
import { resolveBody, reviseArticleForCorrectionInTx } from "@/lib/articles/mutations";
import { diffParagraphs, type DiffBlock } from "@/lib/articles/diff";
import { issueTitle } from "./numbering";
import type { Correction } from "./reader";
import { canonicalJson, lockIssue, recordIssueEvent, signerIds } from "./signoff";
import type { IssueSnapshot } from "./snapshot";

const NO_NUL = /^[^\u0000]*$/;

export const correctionSchema = z
  .object({
    text: z.string().trim().min(1, "请填写更正说明").max(2000).regex(NO_NUL, "不能包含空字符"),
    articleId: z.number().int().min(1).max(2_147_483_647).optional(),
    body: z.unknown().optional(),
    html: z.string().optional(),
  })
  .strict();
export type CorrectionInput = z.infer<typeof correctionSchema>;

export const correctionSignoffSchema = z
  .object({
    decision: z.enum(["approve", "return"], { message: "请选择签发或退回" }),
    comment: z.string().trim().max(2000, "意见不能超过 2000 字").regex(NO_NUL, "不能包含空字符").optional(),
  })
  .strict()
  .refine((v) => v.decision !== "return" || Boolean(v.comment), { path: ["comment"], message: "退回时必须填写意见" });
export type CorrectionSignoffInput = z.infer<typeof correctionSignoffSchema>;

type Snapshot = IssueSnapshot & { corrections?: Correction[] };
type CorrectionRow = typeof corrections.$inferSelect;

const actorId = (viewer: Viewer) => (viewer.kind === "user" ? viewer.id : null);

async function latestSnapshot(tx: Tx, issueId: number) {
  const [row] = await tx.select().from(issueSnapshots).where(eq(issueSnapshots.issueId, issueId)).orderBy(desc(issueSnapshots.id)).limit(1);
  if (!row) throw new AppError("conflict", "correction.noPublishedVersion");
  return { id: row.id, content: row.content as Snapshot };
}

/** The hash a correction's signature covers: the snapshot it corrects, the note, the article and its new text. */
export function correctionContentHash(c: { issueId: number; baseSnapshotId: number | null; text: string; articleId: number | null; body: unknown }): string {
  const content = { issueId: c.issueId, baseSnapshotId: c.baseSnapshotId, text: c.text, articleId: c.articleId, body: c.body ?? null };
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

/** What readers will see once the correction is shown: the base snapshot with the new text and the dated note. */
function correctedSnapshot(base: Snapshot, c: { text: string; articleId: number | null; body: unknown }, at: Date): Snapshot {
  const content = structuredClone(base);
  if (c.articleId !== null && c.body) {
    const article = content.sections.flatMap((s) => s.articles).find((a) => a.id === c.articleId);
    if (article) {
      article.html = renderDocumentHtml(c.body as JSONContent);
      article.text = documentText(c.body as JSONContent);
    }
  }
  content.corrections = [...(content.corrections ?? []), { text: c.text, createdAt: at.toISOString(), articleId: c.articleId }];
  return content;
}

/**
 * Shows a correction to readers: the new snapshot, the article's new text as
 * a revision, the search index. Returns the snapshot's id. The caller holds
 * the issue's row lock and has checked that `base` is the latest snapshot.
 */
async function showCorrectionInTx(tx: Tx, viewer: Viewer, issueId: number, base: Snapshot, c: Pick<CorrectionRow, "text" | "articleId" | "body" | "createdById">, at: Date): Promise<number> {
  const content = correctedSnapshot(base, c, at);
  if (c.articleId !== null && c.body) {
    await reviseArticleForCorrectionInTx(tx, viewer, c.articleId, c.body as JSONContent, { authorId: c.createdById, note: `更正：${c.text}` });
  }
  const [snapshot] = await tx.insert(issueSnapshots).values({ issueId, content, reason: "correction", createdById: actorId(viewer) }).returning({ id: issueSnapshots.id });
  await tx.update(issues).set({ version: sql`${issues.version} + 1`, updatedAt: at }).where(eq(issues.id, issueId));
  await indexIssueSnapshot(tx, content);
  return snapshot!.id;
}

export interface CorrectionCreated {
  id: number;
  createdAt: string;
  /** pending: waiting for 签发, readers still see the signed text; published: shown to readers. */
  status: "pending" | "published";
}

/**
 * 更正: a dated, public correction, optionally with a new text for one
 * article. Shown at once, or — where the publication requires 签发 — saved
 * pending and put before the signers (409 while another waits).
 */
export async function addCorrection(viewer: Viewer, id: number, input: CorrectionInput): Promise<CorrectionCreated> {
  authorize(viewer, "publish:issue:any");
  const newBody = input.body !== undefined || input.html !== undefined ? resolveBody(input) : undefined;
  if (newBody && !input.articleId) throw new AppError("invalid", "issue.correctionNameArticle", { articleId: ["issue.correctionNameArticleField"] });
  const articleId = input.articleId ?? null;
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const row = await lockIssue(tx, id);
      if (row.issue.status !== "published") throw new AppError("conflict", "issue.onlyPublishedCorrect");
      const base = await latestSnapshot(tx, id);
      const shown = base.content.sections.flatMap((s) => s.articles).find((a) => a.id === articleId);
      if (articleId !== null && !shown) throw new AppError("invalid", "issue.articleNotInIssue", { articleId: ["issue.articleNotInIssueField"] });
      // A text that renders as readers already see it is no new text: a note only, no revision.
      const body = newBody && shown && renderDocumentHtml(newBody) !== shown.html ? newBody : undefined;
      const createdAt = new Date();
      const who = actorId(viewer);
      if (!row.publication.requiresSignoff) {
        const snapshotId = await showCorrectionInTx(tx, viewer, id, base.content, { text: input.text, articleId, body: body ?? null, createdById: who }, createdAt);
        const [saved] = await tx
          .insert(corrections)
          .values({ issueId: id, articleId, text: input.text, body: body ?? null, baseSnapshotId: base.id, snapshotId, status: "published", createdById: who, createdAt, publishedAt: createdAt })
          .returning({ id: corrections.id });
        await recordIssueEvent(tx, viewer, id, { type: "corrected", comment: input.text });
        await recordAudit(tx, viewer, { action: "issue.correct", targetType: "issue", targetId: id, details: { text: input.text, articleId, correctionId: saved!.id } });
        return { id: saved!.id, createdAt: createdAt.toISOString(), status: "published" as const };
      }
      const [waiting] = await tx.select({ id: corrections.id }).from(corrections).where(and(eq(corrections.issueId, id), eq(corrections.status, "pending")));
      if (waiting) throw new AppError("conflict", "correction.onePending", undefined, { correctionId: waiting.id });
      const contentHash = correctionContentHash({ issueId: id, baseSnapshotId: base.id, text: input.text, articleId, body: body ?? null });
      const [saved] = await tx
        .insert(corrections)
        .values({ issueId: id, articleId, text: input.text, body: body ?? null, baseSnapshotId: base.id, contentHash, status: "pending", createdById: who, createdAt })
        .returning({ id: corrections.id });
      await recordIssueEvent(tx, viewer, id, { type: "correction_requested", comment: input.text, contentHash });
      const title = issueTitle(row.publication.name, row.issue, row.publication.showTotalNumber);
      for (const userId of await signerIds(tx)) {
        if (userId !== who) await notifyAboutIssue(tx, userId, id, "correction_requested", `${title} 有一条更正待签发：${input.text}`);
      }
      await recordAudit(tx, viewer, { action: "issue.correction_request", targetType: "issue", targetId: id, details: { text: input.text, articleId, correctionId: saved!.id, contentHash } });
      return { id: saved!.id, createdAt: createdAt.toISOString(), status: "pending" as const };
    });
  } catch (e) {
    // Two editors at once: the partial unique index lets one correction wait.
    if (isUniqueViolation(e)) throw new AppError("conflict", "correction.onePending");
    throw e;
  }
}

export interface CorrectionDecision {
  id: number;
  status: "published" | "returned";
  decidedBy: string | null;
  decidedAt: string;
  contentHash: string | null;
}

/**
 * 签发 or 退回 of a pending correction. Two signers at once: the issue's row
 * lock orders them, the second finds it decided and gets 409. Signing checks
 * that the correction still applies to what readers see and still has the
 * hash it was asked with, so the signature covers exactly what is shown.
 */
export async function signoffCorrection(viewer: Viewer, issueId: number, correctionId: number, input: CorrectionSignoffInput): Promise<CorrectionDecision> {
  authorize(viewer, "signoff:issue:any");
  const comment = input.comment || null;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await lockIssue(tx, issueId);
    if (!Number.isSafeInteger(correctionId) || correctionId < 1) throw new AppError("not_found", "correction.notFound");
    const [c] = await tx.select().from(corrections).where(and(eq(corrections.id, correctionId), eq(corrections.issueId, issueId))).for("update");
    if (!c) throw new AppError("not_found", "correction.notFound");
    if (c.status !== "pending") throw new AppError("conflict", c.status === "published" ? "correction.alreadySigned" : "correction.alreadyReturned", undefined, { status: c.status });
    const title = issueTitle(row.publication.name, row.issue, row.publication.showTotalNumber);
    const decidedAt = new Date();
    const decidedBy = viewer.kind === "user" ? viewer.name : "系统";
    const tell = async (type: string, message: string) => {
      if (c.createdById && c.createdById !== actorId(viewer)) await notifyAboutIssue(tx, c.createdById, issueId, type, message);
    };
    if (input.decision === "return") {
      const [moved] = await tx
        .update(corrections)
        .set({ status: "returned", decidedById: actorId(viewer), decidedAt, decisionComment: comment })
        .where(and(eq(corrections.id, correctionId), eq(corrections.status, "pending")))
        .returning({ id: corrections.id });
      if (!moved) throw new AppError("conflict", "correction.handled");
      await recordIssueEvent(tx, viewer, issueId, { type: "correction_returned", comment });
      await tell("correction_returned", `${title} 的更正被退回：${comment}`);
      await recordAudit(tx, viewer, { action: "issue.correction_return", targetType: "issue", targetId: issueId, details: { correctionId, comment } });
      return { id: correctionId, status: "returned" as const, decidedBy, decidedAt: decidedAt.toISOString(), contentHash: null };
    }
    if (row.issue.status !== "published") throw new AppError("conflict", "correction.issueNotPublished", undefined, { status: row.issue.status });
    const base = await latestSnapshot(tx, issueId);
    if (base.id !== c.baseSnapshotId) throw new AppError("conflict", "correction.readerChanged");
    const contentHash = correctionContentHash(c);
    if (contentHash !== c.contentHash) throw new AppError("conflict", "correction.contentChanged");
    const snapshotId = await showCorrectionInTx(tx, viewer, issueId, base.content, c, decidedAt);
    const [moved] = await tx
      .update(corrections)
      .set({ status: "published", snapshotId, decidedById: actorId(viewer), decidedAt, decisionComment: comment, publishedAt: decidedAt })
      .where(and(eq(corrections.id, correctionId), eq(corrections.status, "pending")))
      .returning({ id: corrections.id });
    if (!moved) throw new AppError("conflict", "correction.handled");
    await recordIssueEvent(tx, viewer, issueId, { type: "correction_signed", comment: comment ?? c.text, contentHash });
    await tell("correction_signed", `${title} 的更正已签发，读者已可见：${c.text}`);
    await recordAudit(tx, viewer, { action: "issue.correction_signoff", targetType: "issue", targetId: issueId, details: { correctionId, contentHash, ...(comment ? { comment } : {}) } });
    return { id: correctionId, status: "published" as const, decidedBy, decidedAt: decidedAt.toISOString(), contentHash };
  });
}

// —— Reading: the board, the signer's desk ——

export interface CorrectionView {
  id: number;
  issueId: number;
  status: CorrectionStatus;
  text: string;
  articleId: number | null;
  articleTitle: string | null;
  /** Whether it gives the article a new text (else it is a note only). */
  replacesText: boolean;
  createdBy: string | null;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
  publishedAt: string | null;
}

const createdBy = alias(users, "correction_author");
const decidedByUser = alias(users, "correction_decider");

function toView(r: { c: CorrectionRow; title: string | null; by: string | null; decider: string | null }): CorrectionView {
  return {
    id: r.c.id,
    issueId: r.c.issueId,
    status: r.c.status,
    text: r.c.text,
    articleId: r.c.articleId,
    articleTitle: r.title === null ? null : r.title.split("\n").join(""),
    replacesText: r.c.body !== null,
    createdBy: r.by,
    createdAt: r.c.createdAt.toISOString(),
    decidedBy: r.decider,
    decidedAt: r.c.decidedAt?.toISOString() ?? null,
    decisionComment: r.c.decisionComment,
    publishedAt: r.c.publishedAt?.toISOString() ?? null,
  };
}

function selectCorrections(tx: Tx) {
  return tx
    .select({ c: corrections, title: articles.title, by: createdBy.name, decider: decidedByUser.name })
    .from(corrections)
    .leftJoin(articles, eq(articles.id, corrections.articleId))
    .leftJoin(createdBy, eq(createdBy.id, corrections.createdById))
    .leftJoin(decidedByUser, eq(decidedByUser.id, corrections.decidedById));
}

/** An issue's corrections, oldest first: shown, waiting for 签发, returned. Desks only. */
export async function listCorrections(viewer: Viewer, issueId: number): Promise<CorrectionView[]> {
  authorize(viewer, "read:issue:any");
  if (!Number.isSafeInteger(issueId) || issueId < 1) throw new AppError("not_found", "issue.notFound");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [issue] = await tx.select({ id: issues.id }).from(issues).where(eq(issues.id, issueId));
    if (!issue) throw new AppError("not_found", "issue.notFound");
    const rows = await selectCorrections(tx).where(eq(corrections.issueId, issueId)).orderBy(asc(corrections.id));
    return rows.map(toView);
  });
}

export interface PendingCorrectionReview {
  correction: CorrectionView;
  /** The article's text as readers see it now against the corrected text, paragraph by paragraph (null for a note only). */
  textDiff: { articleId: number; title: string; blocks: DiffBlock[] } | null;
  /** What readers will see once it is signed (the note dated now). */
  snapshot: Snapshot;
}

/** The correction waiting for 签发 on an issue, with exactly what it changes; null when none waits. */
export async function getPendingCorrection(viewer: Viewer, issueId: number): Promise<PendingCorrectionReview | null> {
  authorize(viewer, "read:issue:any");
  if (!Number.isSafeInteger(issueId) || issueId < 1) throw new AppError("not_found", "issue.notFound");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await selectCorrections(tx).where(and(eq(corrections.issueId, issueId), eq(corrections.status, "pending")));
    if (!row) return null;
    const [base] = row.c.baseSnapshotId ? await tx.select().from(issueSnapshots).where(eq(issueSnapshots.id, row.c.baseSnapshotId)) : [];
    if (!base) return null;
    const content = base.content as Snapshot;
    let textDiff: PendingCorrectionReview["textDiff"] = null;
    if (row.c.articleId !== null && row.c.body) {
      const before = content.sections.flatMap((s) => s.articles).find((a) => a.id === row.c.articleId);
      const after = documentText(row.c.body as JSONContent);
      textDiff = { articleId: row.c.articleId, title: before?.title ?? "", blocks: diffParagraphs((before?.text ?? "").split("\n"), after.split("\n")) };
    }
    return { correction: toView(row), textDiff, snapshot: correctedSnapshot(content, row.c, new Date()) };
  });
}

export interface PendingCorrectionItem {
  issueId: number;
  correctionId: number;
  issueTitle: string;
  text: string;
  articleTitle: string | null;
  requestedBy: string | null;
  requestedAt: string;
}

/** The signer's desk: corrections waiting for 签发, oldest first. */
export async function listPendingCorrections(viewer: Viewer): Promise<PendingCorrectionItem[]> {
  authorize(viewer, "signoff:issue:any");
  const db = await getDb();
  const rows = await db
    .select({ c: corrections, issue: issues, publication: publications, title: articles.title, by: users.name })
    .from(corrections)
    .innerJoin(issues, eq(issues.id, corrections.issueId))
    .innerJoin(publications, eq(publications.id, issues.publicationId))
    .leftJoin(articles, eq(articles.id, corrections.articleId))
    .leftJoin(users, eq(users.id, corrections.createdById))
    .where(eq(corrections.status, "pending"))
    .orderBy(asc(corrections.createdAt), asc(corrections.id))
    .limit(200);
  return rows.map((r) => ({
    issueId: r.issue.id,
    correctionId: r.c.id,
    issueTitle: issueTitle(r.publication.name, r.issue, r.publication.showTotalNumber),
    text: r.c.text,
    articleTitle: r.title === null ? null : r.title.split("\n").join(""),
    requestedBy: r.by,
    requestedAt: r.c.createdAt.toISOString(),
  }));
}
