// Writing articles: create, save (with optimistic locking and revisions) and
// status transitions. Every change is a conditional update inside a
// transaction, written together with its event and audit rows.
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import { z } from "zod";
import { getDb, type Db, type Tx } from "@/db";
import { ARTICLE_STATUSES, articleEvents, articleRevisions, articles, issues, placements, units, type Article, type ArticleStatus } from "@/db/schema";
import { authorize, can, type Viewer } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/audit";
import { AppError, messageOfText, msg } from "@/lib/errors";
import { InvalidDocumentError, MAX_DOCUMENT_BYTES, parseDocument, documentText } from "@/lib/render/document";
import { notify } from "@/lib/notifications/notifications";
import { voidSignoffForArticleInTx } from "@/lib/issues/signoff";
import { assertCommissionAddressed, isCommissionCancelled } from "@/lib/commissions/link";
import { htmlToDocument, MAX_HTML_BYTES } from "./html";
import { EDITABLE, TRANSITIONS, type Transition } from "./status";

export const MAX_TITLE_CHARS = 200;
export const MAX_TITLE_LINES = 4;
export const MAX_ATTRIBUTION_CHARS = 100;
/** Consecutive saves by one person within this window update one revision instead of piling up autosaves. */
const REVISION_COALESCE_MS = 5 * 60_000;

export const articleInputSchema = z
  .object({
    title: z.string().max(MAX_TITLE_CHARS * 2, `标题不能超过 ${MAX_TITLE_CHARS} 字`).optional(),
    /** The title's lines (a title may be printed on several lines); instead of, or agreeing with, `title`. */
    titleLines: z.array(z.string().max(MAX_TITLE_CHARS * 2, `标题不能超过 ${MAX_TITLE_CHARS} 字`)).max(MAX_TITLE_LINES * 4, `标题最多 ${MAX_TITLE_LINES} 行`).optional(),
    body: z.unknown().optional(),
    html: z.string().optional(),
    attribution: z.string().max(MAX_ATTRIBUTION_CHARS * 2).optional(),
    unit: z.string().max(200).optional(),
    note: z.string().max(500).optional(),
    /** The 约稿 this article answers: one addressed to the article's unit (null on a save unlinks it). */
    commissionId: z.number().int().min(1).max(2_147_483_647).nullable().optional(),
  })
  .strict();
export type ArticleInput = z.infer<typeof articleInputSchema>;

/**
 * A save. Besides what can be written it accepts, and ignores, the read-only
 * fields `GET /api/v1/articles/{id}` gives, so a client can send back what it
 * read with its changes; `id` and `status` must still match the article.
 */
export const articleUpdateSchema = articleInputSchema.omit({ unit: true }).extend({
  version: z.number().int().min(1),
  id: z.number().int().optional(),
  status: z.enum(ARTICLE_STATUSES).optional(),
  unit: z.string().max(200).optional(),
  unitId: z.number().int().optional(),
  author: z.string().max(200).optional(),
  submittedAt: z.string().max(40).nullable().optional(),
  events: z.array(z.record(z.string(), z.unknown())).max(100_000).optional(),
  publishedIn: z.record(z.string(), z.unknown()).nullable().optional(),
  commission: z.record(z.string(), z.unknown()).nullable().optional(),
  // 批示 and 上级采用 (lib/instructions): listed on the GET, written through their own routes.
  instructions: z.array(z.record(z.string(), z.unknown())).max(100_000).optional(),
  adoptions: z.array(z.record(z.string(), z.unknown())).max(100_000).optional(),
});
export type ArticleUpdate = z.infer<typeof articleUpdateSchema>;

const EMPTY_DOC: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };

/** Title lines: trimmed, blank lines dropped; stored joined by "\n". */
export function normalizeTitle(title: string, field: "title" | "titleLines" = "title"): string {
  const lines = withoutControls(title)
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  if (lines.length > MAX_TITLE_LINES) throw new AppError("invalid", msg("article.titleMaxLines", { max: MAX_TITLE_LINES }), { [field]: [msg("article.titleMaxLines", { max: MAX_TITLE_LINES })] });
  const joined = lines.join("\n");
  if (lines.join("").length > MAX_TITLE_CHARS) throw new AppError("invalid", msg("article.titleMaxChars", { max: MAX_TITLE_CHARS }), { [field]: [msg("article.titleMaxChars", { max: MAX_TITLE_CHARS })] });
  return joined;
}

/** The title as readers see it in the contents: its lines joined. */
export const joinedTitle = (stored: string) => stored.split("\n").join("");

/**
 * The stored title an input asks for, or undefined when it names none.
 * `titleLines` gives the lines; a `title` with line breaks gives them too. A
 * `title` without breaks that reads the same as the `current` title keeps its
 * lines: that is a client sending back the joined title it was given, and a
 * GET-then-PATCH round trip must not lose a line. `title` and `titleLines`
 * that read differently are refused rather than one silently winning.
 */
export function resolveTitle(input: { title?: string; titleLines?: string[] }, current?: string): string | undefined {
  const fromLines = input.titleLines === undefined ? undefined : normalizeTitle(input.titleLines.join("\n"), "titleLines");
  const fromTitle = input.title === undefined ? undefined : normalizeTitle(input.title);
  if (fromLines !== undefined && fromTitle !== undefined && joinedTitle(fromLines) !== joinedTitle(fromTitle)) {
    throw new AppError("invalid", "article.titleLinesMismatch", { title: ["article.titleLinesMismatch"], titleLines: ["article.titleLinesMismatch"] });
  }
  if (fromLines !== undefined) return fromLines;
  if (fromTitle === undefined) return undefined;
  if (current !== undefined && !fromTitle.includes("\n") && joinedTitle(current) === fromTitle) return current;
  return fromTitle;
}

/** Drops control characters other than tab and line breaks (NUL cannot be stored; the rest are invisible junk from pastes). */
function withoutControls(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
}

export function normalizeAttribution(value: string): string {
  const a = withoutControls(value).replace(/\s+/g, " ").trim().replace(/^[(（](.*)[)）]$/, "$1").trim();
  if (a.length > MAX_ATTRIBUTION_CHARS) throw new AppError("invalid", "article.attributionTooLong", { attribution: [msg("article.attributionMaxChars", { max: MAX_ATTRIBUTION_CHARS })] });
  return a;
}

/** The body of an input: Tiptap JSON (validated) or HTML (sanitized and converted). */
export function resolveBody(input: { body?: unknown; html?: string }): JSONContent | undefined {
  try {
    if (input.body !== undefined) return parseDocument(input.body);
    if (input.html !== undefined) {
      if (Buffer.byteLength(input.html) > MAX_HTML_BYTES) throw new AppError("too_large", "article.htmlTooLarge", { html: ["article.bodyTooLarge"] });
      return htmlToDocument(input.html);
    }
    return undefined;
  } catch (e) {
    if (e instanceof InvalidDocumentError) {
      if (e.message === "正文过大") throw new AppError("too_large", msg("article.bodyTooLargeMax", { mb: MAX_DOCUMENT_BYTES / 1024 / 1024 }), { body: ["article.bodyTooLarge"] });
      throw new AppError("invalid", messageOfText(e.message), { body: [messageOfText(e.message)] });
    }
    throw e;
  }
}

function actorId(viewer: Viewer) {
  return viewer.kind === "user" ? viewer.id : null;
}

async function activeUnit(tx: Tx, unitId: number) {
  const [unit] = await tx.select().from(units).where(eq(units.id, unitId));
  if (!unit) throw new AppError("invalid", "unit.notFound");
  if (!unit.active) throw new AppError("forbidden", msg("article.unitInactive", { unit: unit.name }));
  return unit;
}

/** The article if the viewer may see it, locked for update; otherwise not found. */
async function loadVisible(tx: Tx, viewer: Viewer, id: number): Promise<Article> {
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError("not_found", "article.notFound");
  const [row] = await tx.select().from(articles).where(eq(articles.id, id)).for("update");
  if (!row) throw new AppError("not_found", "article.notFound");
  if (can(viewer, "read:article:any")) return row;
  if (viewer.kind === "user" && viewer.role === "contributor" && viewer.unitId === row.unitId) return row;
  if (viewer.kind === "anonymous") throw new AppError("unauthorized", "common.signInFirst");
  throw new AppError("not_found", "article.notFound");
}

/**
 * The unit a new draft is written for: a contributor's own; for an editor, the
 * unit named (by name or short name). Refused before anything is stored.
 */
export async function unitOfNewDraft(tx: Db | Tx, viewer: Viewer, unitName: string | undefined): Promise<number> {
  if (viewer.kind === "user" && viewer.role === "contributor") {
    authorize(viewer, "create:article:own-unit");
    if (viewer.unitId === null) throw new AppError("forbidden", "article.noUnit");
    return viewer.unitId;
  }
  authorize(viewer, "update:article:any");
  if (!unitName) throw new AppError("invalid", "article.chooseUnit", { unit: ["article.chooseUnitField"] });
  const [u] = await tx.select().from(units).where(sql`${units.name} = ${unitName} or ${units.shortName} = ${unitName}`).limit(1);
  if (!u) throw new AppError("invalid", "unit.notFound", { unit: ["unit.notFound"] });
  return u.id;
}

/** Creates a draft: a contributor for their own unit; an editor for a named unit. */
export async function createArticle(viewer: Viewer, input: ArticleInput): Promise<{ id: number; status: ArticleStatus; version: number; title: string }> {
  // Who may write at all: signers never write articles (403).
  if (!can(viewer, "update:article:any")) authorize(viewer, "create:article:own-unit");
  const title = resolveTitle(input) ?? "";
  const body = resolveBody(input) ?? EMPTY_DOC;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const unitId = await unitOfNewDraft(tx, viewer, input.unit);
    const unit = await activeUnit(tx, unitId);
    const attribution = normalizeAttribution(input.attribution ?? unit.name) || unit.name;
    const commissionId = input.commissionId ?? null;
    if (commissionId !== null) await assertCommissionAddressed(tx, commissionId, unitId);
    const [article] = await tx
      .insert(articles)
      .values({ unitId, authorId: actorId(viewer)!, title, body, attribution, status: "draft", version: 1, commissionId })
      .returning();
    await tx.insert(articleRevisions).values({ articleId: article!.id, version: 1, title, body, attribution, authorId: actorId(viewer), note: input.note });
    await tx.insert(articleEvents).values({ articleId: article!.id, type: "created", toStatus: "draft", actorId: actorId(viewer) });
    await recordAudit(tx, viewer, { action: "article.create", targetType: "article", targetId: article!.id, details: commissionId ? { commissionId } : undefined });
    return { id: article!.id, status: article!.status, version: article!.version, title: joinedTitle(title) };
  });
}

export interface SaveConflict {
  version: number;
  title: string;
  titleLines: string[];
  attribution: string;
  body: JSONContent;
  status: ArticleStatus;
}

/** Saves new text. A stale `version` is a 409 that carries the newer text, so nothing is lost. */
export async function updateArticle(viewer: Viewer, id: number, input: ArticleUpdate): Promise<{ id: number; version: number; status: ArticleStatus }> {
  // 401 signed out; 403 for those who write no articles at all (signers).
  if (!can(viewer, "update:article:any")) authorize(viewer, "update:article:own-unit");
  const body = resolveBody(input);
  // Checked here, before the transaction, for bad input; resolved against the stored lines below.
  resolveTitle(input);
  const attribution = input.attribution === undefined ? undefined : normalizeAttribution(input.attribution);
  const db = await getDb();
  return db.transaction(async (tx) => {
    // A placed article's text is part of what its issue's 签发 covers. Lock
    // that issue before the article (the order layout changes take), so a
    // save and a signature or layout change never deadlock.
    if (Number.isSafeInteger(id) && id > 0) {
      const placedIn = tx.select({ id: placements.issueId }).from(placements).where(eq(placements.articleId, id));
      await tx.select({ id: issues.id }).from(issues).where(inArray(issues.id, placedIn)).for("update");
    }
    const current = await loadVisible(tx, viewer, id);
    const asEditor = can(viewer, "update:article:any");
    if (!asEditor) authorize(viewer, "update:article:own-unit");
    const editable = asEditor ? EDITABLE.editor : EDITABLE.contributor;
    if (!editable.includes(current.status)) {
      throw new AppError(
        "forbidden",
        asEditor ? "article.editorEditable" : "article.contributorLocked",
      );
    }
    if (current.version !== input.version) {
      const conflict: SaveConflict = {
        version: current.version,
        title: current.title,
        titleLines: current.title.split("\n").filter(Boolean),
        attribution: current.attribution,
        body: current.body as JSONContent,
        status: current.status,
      };
      throw new AppError("conflict", "article.saveConflict", undefined, { current: conflict });
    }
    if (input.id !== undefined && input.id !== id) throw new AppError("invalid", "article.idMismatch", { id: ["article.idMismatch"] });
    if (input.status !== undefined && input.status !== current.status) {
      throw new AppError("invalid", "article.statusReadOnly", { status: ["article.statusReadOnlyField"] });
    }
    const next = {
      title: resolveTitle(input, current.title) ?? current.title,
      body: body ?? (current.body as JSONContent),
      attribution: attribution || current.attribution,
    };
    // Linking to another commission: it must be addressed to the article's unit. Sending back the current one changes nothing.
    const commissionId = input.commissionId === undefined ? current.commissionId : input.commissionId;
    if (commissionId !== null && commissionId !== current.commissionId) await assertCommissionAddressed(tx, commissionId, current.unitId);
    const [saved] = await tx
      .update(articles)
      .set({ ...next, commissionId, version: sql`${articles.version} + 1`, updatedAt: new Date() })
      .where(and(eq(articles.id, id), eq(articles.version, input.version), inArray(articles.status, editable)))
      .returning();
    if (!saved) throw new AppError("conflict", "article.changedRefresh");
    const [last] = await tx.select().from(articleRevisions).where(eq(articleRevisions.articleId, id)).orderBy(desc(articleRevisions.version)).limit(1);
    const coalesce =
      last && !input.note && !last.note && last.authorId === actorId(viewer) && Date.now() - last.createdAt.getTime() < REVISION_COALESCE_MS && last.version > 1;
    if (coalesce) {
      await tx.update(articleRevisions).set({ version: saved.version, ...next }).where(eq(articleRevisions.id, last!.id));
    } else {
      await tx.insert(articleRevisions).values({ articleId: id, version: saved.version, ...next, authorId: actorId(viewer), note: input.note });
    }
    if (asEditor && !coalesce) {
      await tx.insert(articleEvents).values({ articleId: id, type: "edited", fromStatus: saved.status, toStatus: saved.status, actorId: actorId(viewer), comment: input.note });
    }
    await voidSignoffForArticleInTx(tx, viewer, id, `稿件《${saved.title.split("\n").join("")}》已修改`);
    await recordAudit(tx, viewer, {
      action: "article.update",
      targetType: "article",
      targetId: id,
      details: { version: saved.version, ...(commissionId !== current.commissionId ? { commissionId } : {}) },
    });
    return { id, version: saved.version, status: saved.status };
  });
}

export const transitionSchema = z.object({ comment: z.string().trim().max(2000, "意见不能超过 2000 字").regex(/^[^\u0000]*$/, "不能包含空字符").optional() }).strict();
export type TransitionInput = z.infer<typeof transitionSchema>;

const DECISION_NOTICE: Partial<Record<Transition, string>> = {
  return: "稿件被退回修改",
  accept: "稿件已采用",
  reject: "稿件未被采用",
  reopen: "稿件已重新进入审理",
  unaccept: "稿件已退回审理",
};

/** Moves an article along the status machine. Two editors deciding at once: one wins, the other gets a conflict. */
export async function transitionArticle(
  viewer: Viewer,
  id: number,
  transition: Transition,
  input: TransitionInput = {},
): Promise<{ id: number; status: ArticleStatus; version: number }> {
  const rule = TRANSITIONS[transition];
  authorize(viewer, rule.permission);
  const comment = input.comment || null;
  if (rule.comment && !comment) throw new AppError("invalid", "article.commentRequired", { comment: ["article.commentRequiredField"] });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await loadVisible(tx, viewer, id);
    if (rule.permission === "update:article:own-unit" && !(viewer.kind === "user" && viewer.unitId === current.unitId)) {
      throw new AppError("not_found", "article.notFound");
    }
    // A draft written for a commission that was cancelled (撤销) before the draft's first submission goes in as an
    // ordinary article: a cancelled commission takes no new answer. One submitted before (returned, resubmitted) answered it already.
    let cancelledCommissionId: number | null = null;
    if (transition === "submit") {
      await activeUnit(tx, current.unitId);
      if (!current.title.trim()) throw new AppError("invalid", "article.titleFirst", { title: ["article.titleBeforeSubmit"] });
      if (!documentText(current.body as JSONContent).trim()) throw new AppError("invalid", "article.bodyEmptySubmit", { body: ["article.bodyEmpty"] });
      if (current.commissionId !== null && current.submittedAt === null && (await isCommissionCancelled(tx, current.commissionId))) cancelledCommissionId = current.commissionId;
    }
    if (transition === "unaccept") {
      const [placed] = await tx.select({ id: placements.id }).from(placements).where(eq(placements.articleId, id));
      if (placed) throw new AppError("conflict", "article.placedRemoveFirst");
    }
    const [moved] = await tx
      .update(articles)
      .set({ status: rule.to, updatedAt: new Date(), ...(transition === "submit" ? { submittedAt: new Date() } : {}), ...(cancelledCommissionId !== null ? { commissionId: null } : {}) })
      .where(and(eq(articles.id, id), inArray(articles.status, rule.from)))
      .returning();
    if (!moved) {
      throw new AppError("conflict", msg("article.wrongStatus", { status: current.status }), undefined, {
        status: current.status,
      });
    }
    await tx.insert(articleEvents).values({ articleId: id, type: rule.event, fromStatus: current.status, toStatus: rule.to, comment, actorId: actorId(viewer) });
    const notice = DECISION_NOTICE[transition];
    if (notice && current.authorId !== actorId(viewer)) {
      const title = joinedTitle(current.title);
      await notify(tx, current.authorId, id, rule.event, comment ? `${notice}：《${title}》——${comment}` : `${notice}：《${title}》`);
    }
    const details = { ...(comment ? { comment } : {}), ...(cancelledCommissionId !== null ? { cancelledCommissionId } : {}) };
    await recordAudit(tx, viewer, { action: `article.${transition}`, targetType: "article", targetId: id, details: Object.keys(details).length ? details : undefined });
    return { id, status: moved.status, version: moved.version };
  });
}

/**
 * A correction (更正) to a published article's text, as it goes before
 * readers: a new revision with the correction as its note and a `corrected`
 * event, so the article's history shows the change instead of the body
 * changing silently. Runs in the correction's transaction (lib/issues/corrections.ts).
 */
export async function reviseArticleForCorrectionInTx(
  tx: Tx,
  viewer: Viewer,
  articleId: number,
  body: JSONContent,
  { authorId, note }: { authorId: number | null; note: string },
): Promise<{ version: number }> {
  const [saved] = await tx
    .update(articles)
    .set({ body, version: sql`${articles.version} + 1`, updatedAt: new Date() })
    .where(eq(articles.id, articleId))
    .returning();
  if (!saved) throw new AppError("not_found", "article.notFound");
  await tx.insert(articleRevisions).values({ articleId, version: saved.version, title: saved.title, body, attribution: saved.attribution, authorId, note });
  await tx.insert(articleEvents).values({ articleId, type: "corrected", fromStatus: saved.status, toStatus: saved.status, actorId: authorId, comment: note });
  await recordAudit(tx, viewer, { action: "article.correct", targetType: "article", targetId: articleId, details: { version: saved.version } });
  return { version: saved.version };
}
