// 签发 (sign-off): an editor asks, a signer approves exactly what the preview
// shows, or returns the issue with a comment. A publication that requires
// sign-off publishes and schedules only signed issues.
//
// The signature covers a hash of the issue's content — its fields, layout and
// the source of every placed article — taken under the issue's row lock.
// Any change afterwards takes the issue back to draft (voidSignoffInTx, called
// by every path that changes that content), and publishing recomputes the
// hash: what is published is what was signed.
import { createHash } from "node:crypto";
import { and, asc, desc, eq, inArray, isNotNull, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db";
import { articles, issueEvents, issues, placements, publications, sections, users, type Issue, type IssueStatus, type Publication } from "@/db/schema";
import { authorize, can, type Viewer } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/audit";
import { AppError, msg, formatError, type ErrorKey } from "@/lib/errors";
import { notifyAboutIssue } from "@/lib/notifications/notifications";
import { assertChecksPass } from "./checks";
import { diffIssueSnapshots, type IssueDiff } from "./issue-diff";
import { issueLabel, issueTitle } from "./numbering";
import { buildSnapshot, type IssueSnapshot } from "./snapshot";

/** Statuses in which a request or a signature stands (and a change voids it). */
export const SIGNOFF_STATUSES: readonly IssueStatus[] = ["awaiting_signoff", "signed"];

export const signoffSchema = z
  .object({
    decision: z.enum(["approve", "return"], { message: "请选择签发或退回" }),
    comment: z.string().trim().max(2000, "意见不能超过 2000 字").regex(/^[^\u0000]*$/, "不能包含空字符").optional(),
    // The issue version the signer looked at: a signature never covers a version it did not see.
    version: z.number().int().min(1).optional(),
  })
  .strict()
  .refine((v) => v.decision !== "return" || Boolean(v.comment), { path: ["comment"], message: "退回时必须填写意见" });
export type SignoffInput = z.infer<typeof signoffSchema>;

const actorId = (viewer: Viewer) => (viewer.kind === "user" ? viewer.id : null);

/** JSON with object keys sorted, so equal content always hashes alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The hash a signature covers: what the issue will print and show — the
 * publication's masthead and footer, the issue's numbers and fields, its
 * sections and order, and each placed article's title, attribution and body
 * (the stored source, so a renderer update does not void signatures).
 */
export async function signedContentHash(tx: Tx, issueId: number): Promise<string> {
  const [row] = await tx.select({ issue: issues, publication: publications }).from(issues).innerJoin(publications, eq(publications.id, issues.publicationId)).where(eq(issues.id, issueId));
  if (!row) throw new AppError("not_found", "issue.notFound");
  const { issue, publication: p } = row;
  const sectionRows = await tx.select().from(sections).where(eq(sections.issueId, issueId)).orderBy(asc(sections.position));
  const placed = await tx
    .select({ sectionId: placements.sectionId, id: articles.id, title: articles.title, attribution: articles.attribution, body: articles.body, unitId: articles.unitId })
    .from(placements)
    .innerJoin(articles, eq(articles.id, placements.articleId))
    .where(eq(placements.issueId, issueId))
    .orderBy(asc(placements.position));
  const group = (sectionId: number | null) => placed.filter((a) => a.sectionId === sectionId).map(({ sectionId: _, ...a }) => a);
  const content = {
    publication: {
      name: p.name,
      issuingBody: p.issuingBody,
      subtitle: p.subtitle,
      showTotalNumber: p.showTotalNumber,
      printRecipients: p.printRecipients,
      printCc: p.printCc,
      printIssuer: p.printIssuer,
      printCopies: p.printCopies,
      printSigner: p.printSigner,
    },
    issue: {
      series: issue.series,
      year: issue.year,
      number: issue.number,
      totalNumber: issue.totalNumber,
      source: issue.source || p.issuingBody,
      editorName: issue.editorName,
      note: issue.note,
      publishedAt: issue.publishedAt?.toISOString() ?? null,
    },
    sections: [{ heading: null, articles: group(null) }, ...sectionRows.map((s) => ({ heading: s.heading, articles: group(s.id) }))],
  };
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

/** The issue and its publication, the issue's row locked: decisions on it serialize here. */
export async function lockIssue(tx: Tx, id: number): Promise<{ issue: Issue; publication: Publication }> {
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError("not_found", "issue.notFound");
  const [row] = await tx
    .select({ issue: issues, publication: publications })
    .from(issues)
    .innerJoin(publications, eq(publications.id, issues.publicationId))
    .where(eq(issues.id, id))
    .for("update", { of: issues });
  if (!row) throw new AppError("not_found", "issue.notFound");
  return row;
}

const titleOf = (row: { issue: Issue; publication: Publication }) => issueTitle(row.publication.name, row.issue, row.publication.showTotalNumber);

/** One entry in the issue's history. */
export async function recordIssueEvent(
  tx: Tx,
  viewer: Viewer,
  issueId: number,
  event: { type: string; from?: IssueStatus; to?: IssueStatus; comment?: string | null; contentHash?: string; content?: IssueSnapshot },
) {
  await tx.insert(issueEvents).values({
    issueId,
    type: event.type,
    fromStatus: event.from ?? null,
    toStatus: event.to ?? null,
    comment: event.comment ?? null,
    contentHash: event.contentHash ?? null,
    content: event.content ?? null,
    actorId: actorId(viewer),
  });
}

/** Who should learn of a new request: the active signers (admins when there is none). */
export async function signerIds(tx: Tx): Promise<number[]> {
  const rows = await tx.select({ id: users.id, role: users.role }).from(users).where(and(inArray(users.role, ["signer", "admin"]), eq(users.active, true)));
  const signers = rows.filter((r) => r.role === "signer");
  return (signers.length ? signers : rows).map((r) => r.id);
}

async function latestEvent(tx: Tx, issueId: number, type: string, beforeId?: number) {
  const [row] = await tx
    .select()
    .from(issueEvents)
    .where(and(eq(issueEvents.issueId, issueId), eq(issueEvents.type, type), beforeId ? lt(issueEvents.id, beforeId) : undefined))
    .orderBy(desc(issueEvents.id))
    .limit(1);
  return row;
}

/** 提交签发: the editor asks for sign-off on a draft whose 发布前检查 pass (else 422 naming them). */
export async function requestSignoff(viewer: Viewer, id: number): Promise<{ id: number; status: "awaiting_signoff"; version: number }> {
  authorize(viewer, "request-signoff:issue:any");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await lockIssue(tx, id);
    const status = row.issue.status;
    if (status === "awaiting_signoff") throw new AppError("conflict", "signoff.awaiting");
    if (status !== "draft") throw new AppError("conflict", msg("signoff.cannotRequest", { status }), undefined, { status });
    await assertChecksPass(tx, id, "issue.checksFailedSignoff");
    const contentHash = await signedContentHash(tx, id);
    const content = await buildSnapshot(tx, id, row.issue.publishedAt ?? new Date());
    const [moved] = await tx
      .update(issues)
      .set({ status: "awaiting_signoff", version: sql`${issues.version} + 1`, updatedAt: new Date() })
      .where(and(eq(issues.id, id), eq(issues.status, "draft")))
      .returning({ version: issues.version });
    if (!moved) throw new AppError("conflict", "signoff.statusChanged");
    await recordIssueEvent(tx, viewer, id, { type: "signoff_requested", from: "draft", to: "awaiting_signoff", contentHash, content });
    const title = titleOf(row);
    for (const userId of await signerIds(tx)) {
      if (userId !== actorId(viewer)) await notifyAboutIssue(tx, userId, id, "signoff_requested", `${title} 已提交签发，请审阅`);
    }
    await recordAudit(tx, viewer, { action: "issue.request_signoff", targetType: "issue", targetId: id, details: { title, contentHash } });
    return { id, status: "awaiting_signoff" as const, version: moved.version };
  });
}

export interface SignoffResult {
  id: number;
  status: "signed" | "draft";
  /** The signer's name (null when returned). */
  signedBy: string | null;
  signedAt: string | null;
  version: number;
}

/**
 * 签发 or 退回. Two signers at once: the row lock orders them, the second finds
 * the issue no longer awaiting and gets 409. The hash is taken under that lock
 * and must equal the one requested, so a signature covers what was asked.
 */
export async function signoffIssue(viewer: Viewer, id: number, input: SignoffInput): Promise<SignoffResult> {
  authorize(viewer, "signoff:issue:any");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await lockIssue(tx, id);
    if (row.issue.status !== "awaiting_signoff") {
      throw new AppError("conflict", msg("signoff.notAwaiting", { status: row.issue.status }), undefined, { status: row.issue.status });
    }
    if (input.version !== undefined && input.version !== row.issue.version) {
      throw new AppError("conflict", "signoff.contentChangedReview", undefined, { version: row.issue.version });
    }
    const request = await latestEvent(tx, id, "signoff_requested");
    const title = titleOf(row);
    const comment = input.comment || null;
    if (input.decision === "return") {
      const [moved] = await tx
        .update(issues)
        .set({ status: "draft", version: sql`${issues.version} + 1`, updatedAt: new Date() })
        .where(and(eq(issues.id, id), eq(issues.status, "awaiting_signoff")))
        .returning({ version: issues.version });
      if (!moved) throw new AppError("conflict", "signoff.handled");
      await recordIssueEvent(tx, viewer, id, { type: "signoff_returned", from: "awaiting_signoff", to: "draft", comment });
      if (request?.actorId && request.actorId !== actorId(viewer)) await notifyAboutIssue(tx, request.actorId, id, "signoff_returned", `${title} 被退回：${comment}`);
      await recordAudit(tx, viewer, { action: "issue.signoff_return", targetType: "issue", targetId: id, details: { comment } });
      return { id, status: "draft" as const, signedBy: null, signedAt: null, version: moved.version };
    }
    await assertChecksPass(tx, id, "issue.checksFailedSign");
    const contentHash = await signedContentHash(tx, id);
    if (request?.contentHash && request.contentHash !== contentHash) {
      throw new AppError("conflict", "signoff.changedSinceRequest");
    }
    const signedAt = new Date();
    const [moved] = await tx
      .update(issues)
      .set({ status: "signed", signedById: actorId(viewer), signedAt, signedHash: contentHash, version: sql`${issues.version} + 1`, updatedAt: signedAt })
      .where(and(eq(issues.id, id), eq(issues.status, "awaiting_signoff")))
      .returning({ version: issues.version });
    if (!moved) throw new AppError("conflict", "signoff.handled");
    await recordIssueEvent(tx, viewer, id, { type: "signed", from: "awaiting_signoff", to: "signed", comment, contentHash });
    if (request?.actorId && request.actorId !== actorId(viewer)) {
      await notifyAboutIssue(tx, request.actorId, id, "signed", comment ? `${title} 已签发：${comment}` : `${title} 已签发，可以发布`);
    }
    await recordAudit(tx, viewer, { action: "issue.signoff", targetType: "issue", targetId: id, details: { contentHash, ...(comment ? { comment } : {}) } });
    const signedBy = viewer.kind === "user" ? viewer.name : "系统";
    return { id, status: "signed" as const, signedBy, signedAt: signedAt.toISOString(), version: moved.version };
  });
}

/**
 * Takes an issue whose sign-off was requested or given back to draft because
 * its content changed (recorded, and the signer told). Callers hold the
 * issue's row lock or take it here. Returns whether anything was voided.
 * `bumpVersion`: false when the caller's own update bumps it.
 */
export async function voidSignoffInTx(tx: Tx, viewer: Viewer, issueId: number, reason: string, { bumpVersion = true } = {}): Promise<boolean> {
  const [current] = await tx
    .select({ status: issues.status, signedById: issues.signedById, signedHash: issues.signedHash })
    .from(issues)
    .where(eq(issues.id, issueId))
    .for("update");
  if (!current) return false;
  const voidable = SIGNOFF_STATUSES.includes(current.status) || (current.status === "scheduled" && current.signedHash !== null);
  if (!voidable) return false;
  const [moved] = await tx
    .update(issues)
    .set({
      status: "draft",
      scheduledAt: null,
      signedById: null,
      signedAt: null,
      signedHash: null,
      ...(bumpVersion ? { version: sql`${issues.version} + 1` } : {}),
      updatedAt: new Date(),
    })
    .where(and(eq(issues.id, issueId), or(inArray(issues.status, [...SIGNOFF_STATUSES]), and(eq(issues.status, "scheduled"), isNotNull(issues.signedHash)))))
    .returning({ id: issues.id });
  if (!moved) return false;
  const what = current.status === "awaiting_signoff" ? "签发请求" : "签发";
  await recordIssueEvent(tx, viewer, issueId, { type: "signoff_voided", from: current.status, to: "draft", comment: reason });
  await recordAudit(tx, viewer, { action: "issue.signoff_void", targetType: "issue", targetId: issueId, details: { from: current.status, reason } });
  if (current.signedById && current.signedById !== actorId(viewer)) {
    await notifyAboutIssue(tx, current.signedById, issueId, "signoff_voided", `您签发的期刊内容已修改，${what}已失效：${reason}`);
  }
  return true;
}

/** Voids the sign-off of every issue an article sits in (its text is part of what was signed). */
export async function voidSignoffForArticleInTx(tx: Tx, viewer: Viewer, articleId: number, reason: string): Promise<number[]> {
  const rows = await tx.select({ issueId: placements.issueId }).from(placements).where(eq(placements.articleId, articleId));
  const voided: number[] = [];
  for (const r of rows) if (await voidSignoffInTx(tx, viewer, r.issueId, reason)) voided.push(r.issueId);
  return voided;
}

/** Voids the sign-offs of a publication's issues when its masthead or footer changes. */
export async function voidSignoffsOfPublicationInTx(tx: Tx, viewer: Viewer, publicationId: number, reason: string): Promise<number[]> {
  const rows = await tx
    .select({ id: issues.id })
    .from(issues)
    .where(and(eq(issues.publicationId, publicationId), or(inArray(issues.status, [...SIGNOFF_STATUSES]), and(eq(issues.status, "scheduled"), isNotNull(issues.signedHash)))))
    .orderBy(asc(issues.id));
  const voided: number[] = [];
  for (const r of rows) if (await voidSignoffInTx(tx, viewer, r.id, reason)) voided.push(r.id);
  return voided;
}

// `message` is the Chinese words, for the issue's history and the audit log.
const signatureProblem = (text: ErrorKey, changed: boolean) => ({ message: formatError(text), text, changed });

/** Why an issue may not be published or scheduled now, or null when it may. The caller holds the row lock. */
export async function signatureProblemInTx(tx: Tx, issue: Issue, publication: Publication): Promise<{ message: string; text: ErrorKey; changed: boolean } | null> {
  if (issue.status === "awaiting_signoff") return signatureProblem("signoff.awaitingBeforePublish", false);
  if (!publication.requiresSignoff) return null;
  if (!issue.signedHash || !(issue.status === "signed" || issue.status === "scheduled")) {
    return signatureProblem("signoff.required", false);
  }
  if ((await signedContentHash(tx, issue.id)) !== issue.signedHash) {
    return signatureProblem("signoff.invalidated", true);
  }
  return null;
}

/** Refuses (409 not_signed) to publish or schedule an issue without a valid signature. */
export async function assertSignedInTx(tx: Tx, issue: Issue, publication: Publication): Promise<void> {
  const problem = await signatureProblemInTx(tx, issue, publication);
  if (problem) throw new AppError("not_signed", problem.text, undefined, { reason: problem.changed ? "content_changed" : "not_signed" });
}

/** Records a signature directly (the demo's seed issue, signed by the demo signer). */
export async function recordSignatureInTx(tx: Tx, viewer: Viewer, issueId: number, signerId: number, signedAt: Date): Promise<void> {
  const contentHash = await signedContentHash(tx, issueId);
  await tx.update(issues).set({ status: "signed", signedById: signerId, signedAt, signedHash: contentHash }).where(eq(issues.id, issueId));
  await tx.insert(issueEvents).values({ issueId, type: "signed", fromStatus: "draft", toStatus: "signed", contentHash, actorId: signerId, createdAt: signedAt });
  await recordAudit(tx, viewer, { action: "issue.signoff", targetType: "issue", targetId: issueId, details: { contentHash, signerId } });
}

// —— Reading: the signer's desk and the issue's history ——

export interface IssueEventView {
  type: string;
  fromStatus: string | null;
  toStatus: string | null;
  comment: string | null;
  by: string | null;
  at: string;
}

export interface SignoffState {
  issueId: number;
  status: IssueStatus;
  requiresSignoff: boolean;
  signedBy: string | null;
  signedAt: string | null;
  requestedBy: string | null;
  requestedAt: string | null;
  /** The last 退回 (with the signer's comment), if the issue was ever returned. */
  lastReturn: IssueEventView | null;
  history: IssueEventView[];
}

/** Sign-off state and history of an issue, for the desks (never for readers). */
export async function getSignoffState(viewer: Viewer, id: number): Promise<SignoffState> {
  authorize(viewer, "read:issue:any");
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError("not_found", "issue.notFound");
  const db = await getDb();
  const [row] = await db
    .select({ issue: issues, publication: publications, signer: users.name })
    .from(issues)
    .innerJoin(publications, eq(publications.id, issues.publicationId))
    .leftJoin(users, eq(users.id, issues.signedById))
    .where(eq(issues.id, id));
  if (!row) throw new AppError("not_found", "issue.notFound");
  const events = await db
    .select({ event: issueEvents, by: users.name })
    .from(issueEvents)
    .leftJoin(users, eq(users.id, issueEvents.actorId))
    .where(eq(issueEvents.issueId, id))
    .orderBy(asc(issueEvents.id));
  const history: IssueEventView[] = events.map(({ event, by }) => ({
    type: event.type,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    comment: event.comment,
    by,
    at: event.createdAt.toISOString(),
  }));
  const lastOf = (type: string) => [...history].reverse().find((e) => e.type === type) ?? null;
  const request = SIGNOFF_STATUSES.includes(row.issue.status) ? lastOf("signoff_requested") : null;
  return {
    issueId: id,
    status: row.issue.status,
    requiresSignoff: row.publication.requiresSignoff,
    signedBy: row.issue.signedById ? row.signer : null,
    signedAt: row.issue.signedAt?.toISOString() ?? null,
    requestedBy: request?.by ?? null,
    requestedAt: request?.at ?? null,
    lastReturn: lastOf("signoff_returned"),
    history,
  };
}

/** The last 退回, while it is still the latest word on the issue (no request or signature since). */
export function lastReturnStanding(state: Pick<SignoffState, "history">): IssueEventView | null {
  const last = [...state.history].reverse().find((e) => e.type === "signoff_returned" || e.type === "signoff_requested" || e.type === "signed");
  return last?.type === "signoff_returned" ? last : null;
}

/**
 * What changed since the issue was last returned: the content the signer
 * returned (the request before the 退回) against what is asked now (the
 * latest request, or the current layout while it is a draft again). Null
 * when it was never returned.
 */
export async function changesSinceReturn(viewer: Viewer, id: number): Promise<{ diff: IssueDiff; returnedAt: string; comment: string | null } | null> {
  authorize(viewer, "read:issue:any");
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError("not_found", "issue.notFound");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const returned = await latestEvent(tx, id, "signoff_returned");
    if (!returned) return null;
    const returnedRequest = await latestEvent(tx, id, "signoff_requested", returned.id);
    if (!returnedRequest?.content) return null;
    const latest = await latestEvent(tx, id, "signoff_requested");
    const [issue] = await tx.select({ status: issues.status, publishedAt: issues.publishedAt }).from(issues).where(eq(issues.id, id));
    if (!issue) throw new AppError("not_found", "issue.notFound");
    const now =
      latest && latest.id > returned.id && latest.content && SIGNOFF_STATUSES.includes(issue.status)
        ? (latest.content as IssueSnapshot)
        : await buildSnapshot(tx, id, issue.publishedAt ?? new Date());
    return { diff: diffIssueSnapshots(returnedRequest.content as IssueSnapshot, now), returnedAt: returned.createdAt.toISOString(), comment: returned.comment };
  });
}

export interface SignoffListItem {
  id: number;
  title: string;
  publication: string;
  status: IssueStatus;
  articleCount: number;
  requestedBy: string | null;
  requestedAt: string | null;
  /** Returned at least once before: the desk offers what changed since. */
  returnedBefore: boolean;
  signedBy: string | null;
  signedAt: string | null;
}

/** The signer's desk: issues awaiting 签发 (oldest request first) and the latest signed ones. */
export async function listSignoffDesk(viewer: Viewer, recentLimit = 10): Promise<{ awaiting: SignoffListItem[]; recent: SignoffListItem[] }> {
  authorize(viewer, "signoff:issue:any");
  const db = await getDb();
  const requestedAt = sql<Date | null>`(select max(e.created_at) from issue_events e where e.issue_id = ${issues.id} and e.type = 'signoff_requested')`;
  const requestedBy = sql<string | null>`(select u.name from issue_events e join users u on u.id = e.actor_id where e.issue_id = ${issues.id} and e.type = 'signoff_requested' order by e.id desc limit 1)`;
  const returnedBefore = sql<boolean>`exists (select 1 from issue_events e where e.issue_id = ${issues.id} and e.type = 'signoff_returned')`;
  const articleCount = sql<number>`(select count(*)::int from placements pl where pl.issue_id = ${issues.id})`;
  const select = {
    issue: issues,
    publication: publications,
    signer: users.name,
    requestedAt,
    requestedBy,
    returnedBefore,
    articleCount,
  };
  const toItem = (r: { issue: Issue; publication: Publication; signer: string | null; requestedAt: Date | string | null; requestedBy: string | null; returnedBefore: boolean; articleCount: number }): SignoffListItem => ({
    id: r.issue.id,
    title: issueTitle(r.publication.name, r.issue, r.publication.showTotalNumber),
    publication: r.publication.slug,
    status: r.issue.status,
    articleCount: Number(r.articleCount),
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt ? new Date(r.requestedAt).toISOString() : null,
    returnedBefore: Boolean(r.returnedBefore),
    signedBy: r.issue.signedById ? r.signer : null,
    signedAt: r.issue.signedAt?.toISOString() ?? null,
  });
  const base = () => db.select(select).from(issues).innerJoin(publications, eq(publications.id, issues.publicationId)).leftJoin(users, eq(users.id, issues.signedById));
  const [awaiting, recent] = await Promise.all([
    base().where(eq(issues.status, "awaiting_signoff")).orderBy(asc(issues.updatedAt), asc(issues.id)).limit(200),
    base().where(isNotNull(issues.signedAt)).orderBy(desc(issues.signedAt), desc(issues.id)).limit(recentLimit),
  ]);
  return { awaiting: awaiting.map(toItem), recent: recent.map(toItem) };
}

/** The issue an article sits in while its sign-off is asked for or given (the editor is warned before saving). */
export async function pendingSignoffOfArticle(viewer: Viewer, articleId: number): Promise<{ issueId: number; label: string; status: IssueStatus } | null> {
  authorize(viewer, "read:issue:any");
  const db = await getDb();
  const [row] = await db
    .select({ issue: issues })
    .from(placements)
    .innerJoin(issues, eq(issues.id, placements.issueId))
    .where(and(eq(placements.articleId, articleId), or(inArray(issues.status, [...SIGNOFF_STATUSES]), and(eq(issues.status, "scheduled"), isNotNull(issues.signedHash)))))
    .limit(1);
  return row ? { issueId: row.issue.id, label: issueLabel(row.issue), status: row.issue.status } : null;
}

/** Whether the viewer may decide sign-offs (the desk shows 签发/退回 only then). */
export const maySignoff = (viewer: Viewer) => can(viewer, "signoff:issue:any");
