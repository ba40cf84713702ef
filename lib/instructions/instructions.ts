// 批示 (leaders' instructions) on published articles and the units' 落实反馈.
// A signer or an editor records an instruction; the article's unit is told
// in-app and answers with feedback (rich text, sanitized like article bodies,
// and attachments). The 批示台账 lists every instruction with its feedback
// state and flags feedback overdue (lib/instructions/deadline.ts).
//
// Visibility is part of the WHERE clause: a contributor's queries are limited
// to their unit, so another unit's instruction does not exist for them (404).
import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import { z } from "zod";
import { getDb, type Tx } from "@/db";
import { OFFICIAL_LEVELS, articles, instructionFeedback, instructionFiles, instructions, issues, placements, publications, units, users, type OfficialLevel } from "@/db/schema";
import { authorize, can, type Viewer } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/audit";
import { AppError } from "@/lib/errors";
import { resolveBody } from "@/lib/articles/mutations";
import { notify } from "@/lib/notifications/notifications";
import { documentText, escapeHtml, renderDocumentHtml } from "@/lib/render/document";
import { issueTitle } from "@/lib/issues/numbering";
import { chinaToday, feedbackDays, feedbackStatus, type FeedbackState } from "./deadline";
import { instructionFileUrl, linkInstructionFilesInTx, type InstructionFileView } from "./files";

const NO_NUL = /^[^\u0000]*$/;
const MAX_ID = 2_147_483_647;

/** Plain text as typed: no NUL, no control characters but line breaks and tabs. Shown escaped, never as HTML. */
export const plain = (s: string) => s.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");

export const levelSchema = z.enum(OFFICIAL_LEVELS, { message: "级别只能是国家级、省级、市级或县级" });
const daySchema = z.iso.date({ message: "请填写有效的日期（年-月-日）" });

export const instructionInputSchema = z
  .object({
    leader: z.string({ message: "请填写批示领导" }).transform(plain).pipe(z.string().trim().min(1, "请填写批示领导").max(100, "领导姓名不能超过 100 字")),
    level: levelSchema,
    date: daySchema,
    text: z.string({ message: "请填写批示内容" }).transform(plain).pipe(z.string().trim().min(1, "请填写批示内容").max(5000, "批示内容不能超过 5000 字")),
    /** An upload of the viewer's (POST /api/v1/instruction-files): the scan of the handwritten 批示. */
    scanId: z.number().int().min(1).max(MAX_ID).optional(),
  })
  .strict();
export type InstructionInput = z.infer<typeof instructionInputSchema>;

export const feedbackInputSchema = z
  .object({
    /** The feedback as HTML (sanitized and converted like an article's `html`) or plain text (one paragraph a line). */
    text: z.string().max(2 * 1024 * 1024, "反馈内容过长").regex(NO_NUL, "不能包含空字符").optional(),
    /** Or as a Tiptap document, as the desk's editor sends it. */
    body: z.unknown().optional(),
    attachmentIds: z.array(z.number().int().min(1).max(MAX_ID)).max(10, "附件最多 10 个").optional(),
  })
  .strict();
export type FeedbackInput = z.infer<typeof feedbackInputSchema>;

export const instructionListQuerySchema = z.object({
  state: z.enum(["awaiting", "answered", "overdue"]).optional(),
  level: levelSchema.optional(),
  unit: z.coerce.number().int().min(1).max(MAX_ID).optional(),
});
export type InstructionListQuery = z.infer<typeof instructionListQuerySchema>;

/** A test's clock; the real one otherwise. */
export interface Clock {
  now?: Date;
}

export interface FeedbackView {
  id: number;
  html: string;
  by: string | null;
  at: string;
  files: InstructionFileView[];
}

export interface InstructionView {
  id: number;
  articleId: number;
  articleTitle: string;
  unitId: number;
  unit: string;
  leader: string;
  level: OfficialLevel;
  date: string;
  text: string;
  recordedBy: string | null;
  recordedAt: string;
  /** Where the article ran, e.g. 山东脱贫攻坚简报2017年第88期. */
  issue: string | null;
  scan: InstructionFileView | null;
  state: FeedbackState;
  answeredAt: string | null;
  /** The last day feedback is on time. */
  dueDate: string;
  overdue: boolean;
  late: boolean;
  feedback: FeedbackView[];
}

/** The instructions the viewer may see, as a WHERE condition on the article. Fails closed. */
function visibleInstructions(viewer: Viewer): SQL {
  if (can(viewer, "read:instruction:any")) return sql`true`;
  if (viewer.kind === "user" && viewer.role === "contributor" && viewer.unitId !== null && can(viewer, "read:instruction:own-unit")) {
    return eq(articles.unitId, viewer.unitId);
  }
  authorize(viewer, "read:instruction:any");
  return sql`false`;
}

const actorId = (viewer: Viewer) => (viewer.kind === "user" ? viewer.id : null);
const joinLines = (title: string) => title.split("\n").join("");

/** A day that has not come yet (China time) is refused for the field. */
export function refuseFutureDay(day: string, now: Date, field: string): void {
  if (day > chinaToday(now)) throw new AppError("invalid", "instruction.dateInFuture", { [field]: ["instruction.dateInFutureField"] });
}

/** The published article a 批示 or an adoption is about, locked; 404 when missing, 409 when not published. */
export async function lockPublishedArticle(tx: Tx, articleId: number, notPublished: "instruction.articleNotPublished" | "adoption.articleNotPublished") {
  if (!Number.isSafeInteger(articleId) || articleId < 1) throw new AppError("not_found", "article.notFound");
  const [row] = await tx
    .select({ id: articles.id, title: articles.title, status: articles.status, unitId: articles.unitId })
    .from(articles)
    .where(eq(articles.id, articleId))
    .for("update");
  if (!row) throw new AppError("not_found", "article.notFound");
  if (row.status !== "published") throw new AppError("conflict", notPublished);
  return row;
}

const LEVEL_ZH: Record<OfficialLevel, string> = { national: "国家级", provincial: "省级", municipal: "市级", county: "县级" };

/** 记录批示: a signer or an editor records a leader's instruction on a published article; the unit is told. */
export async function recordInstruction(viewer: Viewer, articleId: number, input: InstructionInput, clock: Clock = {}): Promise<{ id: number }> {
  authorize(viewer, "record:instruction:any");
  const now = clock.now ?? new Date();
  refuseFutureDay(input.date, now, "date");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const article = await lockPublishedArticle(tx, articleId, "instruction.articleNotPublished");
    const [row] = await tx
      .insert(instructions)
      .values({ articleId: article.id, leader: input.leader, level: input.level, date: input.date, text: input.text, recordedById: actorId(viewer), createdAt: now })
      .returning({ id: instructions.id });
    const id = row!.id;
    if (input.scanId !== undefined) await linkInstructionFilesInTx(tx, viewer, [input.scanId], { instructionId: id }, "scanId");
    // Every active contributor of the unit learns of it on their desk.
    const staff = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.unitId, article.unitId), eq(users.role, "contributor"), eq(users.active, true)));
    for (const u of staff) {
      await notify(tx, u.id, article.id, "instruction", `领导批示：${input.leader}（${LEVEL_ZH[input.level]}）对《${joinLines(article.title)}》作出批示，请抓好落实并报送落实反馈`);
    }
    await recordAudit(tx, viewer, {
      action: "article.instruction",
      targetType: "article",
      targetId: article.id,
      details: { instructionId: id, leader: input.leader, level: input.level, date: input.date, scan: input.scanId !== undefined },
    });
    return { id };
  });
}

/** Feedback text as a document: HTML is sanitized and converted; plain text becomes one paragraph per line. */
function feedbackDocument(input: FeedbackInput): { doc: JSONContent; field: "text" | "body" } {
  const field = input.body !== undefined ? "body" : "text";
  let doc: JSONContent | undefined;
  try {
    if (input.body !== undefined) doc = resolveBody({ body: input.body });
    else if (input.text !== undefined) {
      const looksLikeHtml = /<[a-z!/]/i.test(input.text);
      const html = looksLikeHtml
        ? input.text
        : input.text
            .replace(/\r\n?/g, "\n")
            .split("\n")
            .map((line) => `<p>${escapeHtml(line)}</p>`)
            .join("");
      doc = resolveBody({ html });
    }
  } catch (e) {
    // Name the field the caller sent, whatever the article rules call it.
    if (e instanceof AppError && e.fieldTexts) throw new AppError(e.code, e.text, { [field]: Object.values(e.fieldTexts).flat() });
    throw e;
  }
  if (!doc) throw new AppError("invalid", "instruction.feedbackEmpty", { text: ["instruction.feedbackEmptyField"] });
  const hasImage = JSON.stringify(doc).includes('"type":"image"');
  if (!documentText(doc).trim() && !hasImage) throw new AppError("invalid", "instruction.feedbackEmpty", { [field]: ["instruction.feedbackEmptyField"] });
  return { doc, field };
}

/** 落实反馈: a contributor of the article's unit reports what was done (another unit's instruction does not exist for them). */
export async function answerInstruction(viewer: Viewer, instructionId: number, input: FeedbackInput, clock: Clock = {}): Promise<{ id: number; createdAt: string }> {
  authorize(viewer, "answer:instruction:own-unit");
  if (viewer.kind !== "user" || viewer.unitId === null) throw new AppError("forbidden", "article.noUnit");
  const { doc } = feedbackDocument(input);
  const now = clock.now ?? new Date();
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (!Number.isSafeInteger(instructionId) || instructionId < 1) throw new AppError("not_found", "instruction.notFound");
    const [target] = await tx
      .select({ id: instructions.id, articleId: instructions.articleId, unitId: articles.unitId, recordedById: instructions.recordedById, leader: instructions.leader, title: articles.title, unit: units.name })
      .from(instructions)
      .innerJoin(articles, eq(articles.id, instructions.articleId))
      .innerJoin(units, eq(units.id, articles.unitId))
      .where(and(eq(instructions.id, instructionId), eq(articles.unitId, viewer.unitId!)))
      .for("update", { of: instructions });
    if (!target) throw new AppError("not_found", "instruction.notFound");
    const [row] = await tx.insert(instructionFeedback).values({ instructionId, body: doc, authorId: viewer.id, createdAt: now }).returning({ id: instructionFeedback.id });
    await linkInstructionFilesInTx(tx, viewer, input.attachmentIds ?? [], { feedbackId: row!.id }, "attachmentIds");
    // Whoever recorded the 批示 learns that the unit answered (a signer, who opens no article pages, without the link).
    if (target.recordedById !== null) {
      const [recorder] = await tx.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, target.recordedById));
      if (recorder?.active) {
        const link = recorder.role === "editor" || recorder.role === "admin" ? target.articleId : null;
        await notify(tx, target.recordedById, link, "instruction-feedback", `${target.unit}报送了落实反馈：${target.leader}对《${joinLines(target.title)}》的批示`);
      }
    }
    await recordAudit(tx, viewer, {
      action: "article.instruction-feedback",
      targetType: "article",
      targetId: target.articleId,
      details: { instructionId, feedbackId: row!.id, attachments: input.attachmentIds?.length ?? 0 },
    });
    return { id: row!.id, createdAt: now.toISOString() };
  });
}

/** Instructions matching `where` with their scans, feedback and state on `now`. */
async function loadInstructions(where: SQL | undefined, now: Date, days: number, limit = 500): Promise<InstructionView[]> {
  const db = await getDb();
  const recorder = users;
  const rows = await db
    .select({
      i: instructions,
      articleTitle: articles.title,
      unitId: articles.unitId,
      unit: units.name,
      recordedBy: recorder.name,
      answeredAt: sql<Date | null>`(select min(${instructionFeedback.createdAt}) from ${instructionFeedback} where ${instructionFeedback.instructionId} = ${instructions.id})`.mapWith(
        (v: unknown) => (v === null || v === undefined ? null : new Date(v as string)),
      ),
    })
    .from(instructions)
    .innerJoin(articles, eq(articles.id, instructions.articleId))
    .innerJoin(units, eq(units.id, articles.unitId))
    .leftJoin(recorder, eq(recorder.id, instructions.recordedById))
    .where(where)
    .orderBy(desc(instructions.date), desc(instructions.id))
    .limit(limit);
  if (!rows.length) return [];
  const ids = rows.map((r) => r.i.id);
  const articleIds = [...new Set(rows.map((r) => r.i.articleId))];
  const [feedback, placed] = await Promise.all([
    db
      .select({ id: instructionFeedback.id, instructionId: instructionFeedback.instructionId, body: instructionFeedback.body, by: users.name, at: instructionFeedback.createdAt })
      .from(instructionFeedback)
      .leftJoin(users, eq(users.id, instructionFeedback.authorId))
      .where(inArray(instructionFeedback.instructionId, ids))
      .orderBy(asc(instructionFeedback.createdAt), asc(instructionFeedback.id)),
    db
      .select({ articleId: placements.articleId, issue: issues, publication: publications.name })
      .from(placements)
      .innerJoin(issues, eq(issues.id, placements.issueId))
      .innerJoin(publications, eq(publications.id, issues.publicationId))
      .where(inArray(placements.articleId, articleIds)),
  ]);
  const feedbackIds = feedback.map((f) => f.id);
  const files = await db
    .select({ id: instructionFiles.id, name: instructionFiles.name, mime: instructionFiles.mime, size: instructionFiles.size, instructionId: instructionFiles.instructionId, feedbackId: instructionFiles.feedbackId })
    .from(instructionFiles)
    .where(or(inArray(instructionFiles.instructionId, ids), feedbackIds.length ? inArray(instructionFiles.feedbackId, feedbackIds) : sql`false`))
    .orderBy(asc(instructionFiles.id));
  const view = (f: (typeof files)[number]): InstructionFileView => ({ id: f.id, name: f.name, mime: f.mime, size: f.size, url: instructionFileUrl(f.id) });
  const issueOf = new Map(placed.map((p) => [p.articleId, issueTitle(p.publication, p.issue, false)]));
  return rows.map((r) => {
    const status = feedbackStatus({ date: r.i.date, recordedAt: r.i.createdAt, answeredAt: r.answeredAt }, now, days);
    return {
      id: r.i.id,
      articleId: r.i.articleId,
      articleTitle: joinLines(r.articleTitle),
      unitId: r.unitId,
      unit: r.unit,
      leader: r.i.leader,
      level: r.i.level,
      date: r.i.date,
      text: r.i.text,
      recordedBy: r.recordedBy,
      recordedAt: r.i.createdAt.toISOString(),
      issue: issueOf.get(r.i.articleId) ?? null,
      scan: files.filter((f) => f.instructionId === r.i.id).map(view)[0] ?? null,
      ...status,
      answeredAt: r.answeredAt?.toISOString() ?? null,
      feedback: feedback
        .filter((f) => f.instructionId === r.i.id)
        .map((f) => ({ id: f.id, html: renderDocumentHtml(f.body as JSONContent), by: f.by, at: f.at.toISOString(), files: files.filter((x) => x.feedbackId === f.id).map(view) })),
    };
  });
}

/** The 批示台账: every instruction the viewer may see (a contributor: their unit's), newest 批示 first. */
export async function listInstructions(viewer: Viewer, q: InstructionListQuery = {}, clock: Clock = {}): Promise<{ instructions: InstructionView[]; feedbackDays: number }> {
  const where = visibleInstructions(viewer);
  const now = clock.now ?? new Date();
  const days = feedbackDays();
  const answered = sql`exists (select 1 from ${instructionFeedback} where ${instructionFeedback.instructionId} = ${instructions.id})`;
  const list = await loadInstructions(
    and(where, q.level ? eq(instructions.level, q.level) : undefined, q.unit ? eq(articles.unitId, q.unit) : undefined, q.state === "answered" ? answered : q.state ? sql`not ${answered}` : undefined),
    now,
    days,
  );
  return { instructions: q.state === "overdue" ? list.filter((i) => i.overdue) : list, feedbackDays: days };
}

/** The units whose articles drew an instruction, by name: the choices of the ledger's unit filter (for those who read every instruction). */
export async function instructionUnits(viewer: Viewer): Promise<{ id: number; name: string }[]> {
  authorize(viewer, "read:instruction:any");
  const db = await getDb();
  return db
    .selectDistinct({ id: units.id, name: units.name })
    .from(instructions)
    .innerJoin(articles, eq(articles.id, instructions.articleId))
    .innerJoin(units, eq(units.id, articles.unitId))
    .orderBy(asc(units.name), asc(units.id));
}

/** The instructions on one article, for its page and GET /api/v1/articles/{id} (the caller has checked the article is visible). */
export async function listArticleInstructions(viewer: Viewer, articleId: number, clock: Clock = {}): Promise<InstructionView[]> {
  const where = visibleInstructions(viewer);
  return loadInstructions(and(where, eq(instructions.articleId, articleId)), clock.now ?? new Date(), feedbackDays());
}

/** The contributor's desk: their unit's instructions still awaiting 落实反馈, oldest due first. */
export async function listAwaitingFeedback(viewer: Viewer, clock: Clock = {}): Promise<InstructionView[]> {
  if (!(viewer.kind === "user" && viewer.role === "contributor" && viewer.unitId !== null && can(viewer, "read:instruction:own-unit"))) return [];
  const answered = sql`exists (select 1 from ${instructionFeedback} where ${instructionFeedback.instructionId} = ${instructions.id})`;
  const list = await loadInstructions(and(eq(articles.unitId, viewer.unitId), sql`not ${answered}`), clock.now ?? new Date(), feedbackDays());
  return list.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id - b.id);
}

/** Published articles to record a 批示 or an adoption on (the signer's form has no article page to start from), newest issue first. */
export async function listPublishedArticlesForRecording(viewer: Viewer, limit = 300): Promise<{ id: number; title: string; unit: string; issue: string }[]> {
  if (!can(viewer, "record:adoption:any")) authorize(viewer, "record:instruction:any");
  const db = await getDb();
  const rows = await db
    .select({ id: articles.id, title: articles.title, unit: units.name, issue: issues, publication: publications.name })
    .from(articles)
    .innerJoin(units, eq(units.id, articles.unitId))
    .innerJoin(placements, eq(placements.articleId, articles.id))
    .innerJoin(issues, eq(issues.id, placements.issueId))
    .innerJoin(publications, eq(publications.id, issues.publicationId))
    .where(and(eq(articles.status, "published"), eq(issues.status, "published")))
    .orderBy(desc(issues.publishedAt), asc(placements.position), asc(articles.id))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, title: joinLines(r.title), unit: r.unit, issue: issueTitle(r.publication, r.issue, false) }));
}

/** Counts for the nav badge and the desk: awaiting and overdue feedback the viewer may see. */
export async function countAwaiting(viewer: Viewer, clock: Clock = {}): Promise<{ awaiting: number; overdue: number }> {
  if (!can(viewer, "read:instruction:any") && !can(viewer, "read:instruction:own-unit")) return { awaiting: 0, overdue: 0 };
  const list = (await listInstructions(viewer, { state: "awaiting" }, clock)).instructions;
  return { awaiting: list.length, overdue: list.filter((i) => i.overdue).length };
}

export const LEVEL_LABELS_ZH = LEVEL_ZH;
