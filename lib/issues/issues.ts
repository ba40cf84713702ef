// Issue assembly (组期): numbers, fields, layout (sections and order), checks,
// preview, scheduling and withdrawal. Publishing itself is in publish.ts,
// corrections (更正) in corrections.ts, 签发 (sign-off) in signoff.ts: a change to an issue that was
// asked to be signed or was signed takes it back to draft. Every change is a conditional update in a transaction with its
// audit row; the numbering uniques are enforced by the database.
import { and, asc, desc, eq, inArray, isNull, notInArray, or, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db";
import { articles, issues, placements, publications, sections, units, users, type Issue } from "@/db/schema";
import { authorize, type Viewer } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/audit";
import { AppError, isUniqueViolation, msg, invalidInput } from "@/lib/errors";
import { currentChinaYear } from "@/lib/format";
import { issueTitle, nextIssueNumbers, type IssueNumbers } from "./numbering";
import { assertChecksPass, checkIssueInTx, type IssueCheck } from "./checks";
import { publishIssueInTx } from "./publish";
import { assertSignedInTx, recordIssueEvent, signatureProblemInTx, voidSignoffInTx } from "./signoff";
import { buildSnapshot, titleLinesOf, type IssueSnapshot } from "./snapshot";

const YEAR = z.number().int().min(1949).max(9999);
const NUMBER = z.number().int().min(1).max(100_000);

/** PostgreSQL cannot store NUL: refused at the boundary (422) instead of failing in the query (500). */
const NO_NUL = /^[^\u0000]*$/;
const NUL_MESSAGE = "不能包含空字符";

export const createIssueSchema = z
  .object({
    publication: z.string().min(1).max(100).regex(NO_NUL, NUL_MESSAGE),
    year: YEAR.optional(),
    number: NUMBER.optional(),
    totalNumber: NUMBER.optional(),
    series: z.enum(["regular", "supplement"]).optional(),
    // 刊发日期, for back issues typed in from the paper archive.
    publishedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export interface IssueCreated {
  id: number;
  publication: string;
  year: number;
  number: number;
  totalNumber: number | null;
  status: Issue["status"];
}


async function publicationBySlug(tx: Tx, slug: string) {
  const [p] = await tx.select().from(publications).where(eq(publications.slug, slug));
  if (!p) throw new AppError("invalid", msg("publication.noSuchSlug", { slug }), { publication: ["publication.notFound"] });
  return p;
}

/** Serializes issue numbering per publication, so concurrent creations get distinct, gap-free numbers. */
async function lockNumbering(tx: Tx, publicationId: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(7340021, ${publicationId})`);
}

/** The next free numbers, offered when an editor creates an issue. */
export async function suggestIssueNumbers(viewer: Viewer, slug: string, year = currentChinaYear(), series: "regular" | "supplement" = "regular"): Promise<IssueNumbers> {
  authorize(viewer, "manage:issue:any");
  const db = await getDb();
  return db.transaction(async (tx) => nextIssueNumbers(tx, (await publicationBySlug(tx, slug)).id, year, series));
}

/** Creates a draft issue with the next free numbers, or the ones given (refused with a suggestion when taken). */
export async function createIssue(viewer: Viewer, raw: unknown): Promise<IssueCreated> {
  authorize(viewer, "manage:issue:any");
  const parsed = createIssueSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error, "issue.numbersInvalid");
  const input = parsed.data;
  const year = input.year ?? currentChinaYear();
  const series = input.series ?? "regular";
  const db = await getDb();
  let suggestion: IssueNumbers | undefined;
  try {
    return await db.transaction(async (tx) => {
      const publication = await publicationBySlug(tx, input.publication);
      await lockNumbering(tx, publication.id);
      const next = await nextIssueNumbers(tx, publication.id, year, series);
      suggestion = next;
      const [issue] = await tx
        .insert(issues)
        .values({
          publicationId: publication.id,
          series,
          year,
          number: input.number ?? next.number,
          totalNumber: series === "supplement" ? (input.totalNumber ?? null) : (input.totalNumber ?? next.totalNumber),
          source: publication.issuingBody,
          publishedAt: input.publishedAt ? new Date(input.publishedAt) : null,
        })
        .returning();
      await recordAudit(tx, viewer, { action: "issue.create", targetType: "issue", targetId: issue!.id, details: { year, number: issue!.number, totalNumber: issue!.totalNumber } });
      return { id: issue!.id, publication: publication.slug, year: issue!.year, number: issue!.number, totalNumber: issue!.totalNumber, status: issue!.status };
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      const s = suggestion;
      throw new AppError(
        "conflict",
        !s
          ? "issue.numberTaken"
          : series === "supplement"
            ? msg("issue.numberTakenNextSupplement", { year, number: s.number })
            : msg("issue.numberTakenNext", { year, number: s.number, totalNumber: s.totalNumber }),
        { number: ["issue.numberTaken"] },
        s ? { suggestion: s } : undefined,
      );
    }
    throw e;
  }
}

export interface EditorIssueArticle {
  id: number;
  title: string;
  unit: string;
  status: string;
}

export type { IssueCheck };

/** Statuses in which an issue's fields and layout may still change (a change voids a request or signature). */
const CHANGEABLE: readonly Issue["status"][] = ["draft", "awaiting_signoff", "signed", "scheduled"];

export interface EditorIssue {
  id: number;
  publication: { slug: string; name: string; issuingBody: string; showTotalNumber: boolean; requiresSignoff: boolean };
  series: string;
  year: number;
  number: number;
  totalNumber: number | null;
  title: string;
  status: Issue["status"];
  source: string;
  editorName: string | null;
  note: string | null;
  publishedAt: string | null;
  scheduledAt: string | null;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  /** 签发人 and time: shown in the desks, never to readers. */
  signedBy: string | null;
  signedAt: string | null;
  version: number;
  sections: { heading: string | null; articles: EditorIssueArticle[] }[];
}

async function loadIssue(tx: Tx, id: number, lock = false) {
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError("not_found", "issue.notFound");
  const q = tx.select({ issue: issues, publication: publications }).from(issues).innerJoin(publications, eq(publications.id, issues.publicationId)).where(eq(issues.id, id));
  const [row] = lock ? await q.for("update", { of: issues }) : await q;
  if (!row) throw new AppError("not_found", "issue.notFound");
  return row;
}

/** An issue as the editor assembles it. */
export async function getIssue(viewer: Viewer, id: number): Promise<EditorIssue> {
  authorize(viewer, "read:issue:any");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { issue, publication } = await loadIssue(tx, id);
    const [signer] = issue.signedById ? await tx.select({ name: users.name }).from(users).where(eq(users.id, issue.signedById)) : [];
    const sectionRows = await tx.select().from(sections).where(eq(sections.issueId, id)).orderBy(asc(sections.position));
    const placed = await tx
      .select({ sectionId: placements.sectionId, id: articles.id, title: articles.title, unit: units.name, status: articles.status })
      .from(placements)
      .innerJoin(articles, eq(articles.id, placements.articleId))
      .innerJoin(units, eq(units.id, articles.unitId))
      .where(eq(placements.issueId, id))
      .orderBy(asc(placements.position));
    const toArticle = (p: (typeof placed)[number]) => ({ id: p.id, title: titleLinesOf(p.title).join(""), unit: p.unit, status: p.status });
    const out: EditorIssue["sections"] = [];
    const lead = placed.filter((p) => p.sectionId === null);
    if (lead.length) out.push({ heading: null, articles: lead.map(toArticle) });
    for (const s of sectionRows) out.push({ heading: s.heading, articles: placed.filter((p) => p.sectionId === s.id).map(toArticle) });
    return {
      id: issue.id,
      publication: { slug: publication.slug, name: publication.name, issuingBody: publication.issuingBody, showTotalNumber: publication.showTotalNumber, requiresSignoff: publication.requiresSignoff },
      series: issue.series,
      year: issue.year,
      number: issue.number,
      totalNumber: issue.totalNumber,
      title: issueTitle(publication.name, issue, publication.showTotalNumber),
      status: issue.status,
      source: issue.source || publication.issuingBody,
      editorName: issue.editorName,
      note: issue.note,
      publishedAt: issue.publishedAt?.toISOString() ?? null,
      scheduledAt: issue.scheduledAt?.toISOString() ?? null,
      withdrawnAt: issue.withdrawnAt?.toISOString() ?? null,
      withdrawnReason: issue.withdrawnReason,
      signedBy: issue.signedById ? (signer?.name ?? null) : null,
      signedAt: issue.signedAt?.toISOString() ?? null,
      version: issue.version,
      sections: out,
    };
  });
}

export interface IssueListItem {
  id: number;
  publication: string;
  title: string;
  status: Issue["status"];
  year: number;
  number: number;
  publishedAt: string | null;
  scheduledAt: string | null;
}

/** All issues for the editors, newest numbers first. */
export async function listIssues(viewer: Viewer, limit = 100): Promise<IssueListItem[]> {
  authorize(viewer, "read:issue:any");
  const db = await getDb();
  const rows = await db
    .select({ issue: issues, publication: publications })
    .from(issues)
    .innerJoin(publications, eq(publications.id, issues.publicationId))
    .orderBy(desc(issues.year), desc(issues.number), desc(issues.id))
    .limit(limit);
  return rows.map(({ issue, publication }) => ({
    id: issue.id,
    publication: publication.slug,
    title: issueTitle(publication.name, issue, publication.showTotalNumber),
    status: issue.status,
    year: issue.year,
    number: issue.number,
    publishedAt: issue.publishedAt?.toISOString() ?? null,
    scheduledAt: issue.scheduledAt?.toISOString() ?? null,
  }));
}

export const updateIssueSchema = z
  .object({
    version: z.number().int().min(1),
    source: z.string().trim().max(100).regex(NO_NUL, NUL_MESSAGE).nullable().optional(),
    editorName: z.string().trim().max(50).regex(NO_NUL, NUL_MESSAGE).nullable().optional(),
    note: z.string().trim().max(2000).regex(NO_NUL, NUL_MESSAGE).nullable().optional(),
    publishedAt: z.iso.datetime({ offset: true }).nullable().optional(),
    year: YEAR.optional(),
    number: NUMBER.optional(),
    totalNumber: NUMBER.nullable().optional(),
  })
  .strict();

/** Edits an unpublished issue's fields (来源, 编辑, date, 按语, numbers), with optimistic locking; voids a pending or given 签发. */
export async function updateIssue(viewer: Viewer, id: number, raw: unknown): Promise<{ id: number; version: number }> {
  authorize(viewer, "manage:issue:any");
  const parsed = updateIssueSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error, "issue.infoInvalid");
  const { version, publishedAt, ...fields } = parsed.data;
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const { issue } = await loadIssue(tx, id, true);
      if (!CHANGEABLE.includes(issue.status)) throw new AppError("conflict", "issue.publishedUseCorrection");
      if (issue.version !== version) throw new AppError("conflict", "issue.changedRefresh", undefined, { version: issue.version });
      await voidSignoffInTx(tx, viewer, id, "本期信息已修改", { bumpVersion: false });
      const [saved] = await tx
        .update(issues)
        .set({
          ...fields,
          ...(publishedAt !== undefined ? { publishedAt: publishedAt ? new Date(publishedAt) : null } : {}),
          version: sql`${issues.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(issues.id, id), eq(issues.version, version)))
        .returning({ version: issues.version });
      if (!saved) throw new AppError("conflict", "issue.changedRefresh");
      await recordAudit(tx, viewer, { action: "issue.update", targetType: "issue", targetId: id, details: parsed.data });
      return { id, version: saved.version };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", "issue.numberTaken", { number: ["issue.numberTaken"] });
    throw e;
  }
}

export const layoutSchema = z
  .object({
    sections: z
      .array(
        z
          .object({
            heading: z.string().trim().min(1).max(100).regex(NO_NUL, NUL_MESSAGE).nullable(),
            // ids are PostgreSQL integers: a larger number is no article (422), not a query error.
            articleIds: z.array(z.number().int().min(1).max(2_147_483_647)).max(500),
          })
          .strict(),
      )
      .max(100),
    version: z.number().int().min(1).optional(),
  })
  .strict();
export type Layout = z.infer<typeof layoutSchema>;

/** Replaces an issue's sections and article order. Bad layouts are refused whole, naming the offending articles. */
export async function setIssueLayout(viewer: Viewer, id: number, raw: unknown): Promise<{ id: number; version: number }> {
  authorize(viewer, "manage:issue:any");
  const parsed = layoutSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error, "issue.layoutInvalid");
  const layout = parsed.data;
  if (layout.sections.slice(1).some((s) => s.heading === null)) {
    throw new AppError("invalid", "issue.onlyFirstUnheaded", { sections: ["issue.headingRequired"] });
  }
  const ids = layout.sections.flatMap((s) => s.articleIds);
  const duplicates = [...new Set(ids.filter((x, i) => ids.indexOf(x) !== i))];
  if (duplicates.length) throw new AppError("invalid", msg("issue.duplicateArticles", { ids: duplicates.join(", ") }), undefined, { articleIds: duplicates, reason: "duplicate" });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { issue } = await loadIssue(tx, id, true);
    if (!CHANGEABLE.includes(issue.status)) throw new AppError("conflict", "issue.publishedNoLayout");
    if (layout.version !== undefined && layout.version !== issue.version) {
      throw new AppError("conflict", "issue.changedRefresh", undefined, { version: issue.version });
    }
    if (ids.length) {
      const found = await tx
        .select({ id: articles.id, status: articles.status, publicationId: articles.publicationId, placedIn: placements.issueId })
        .from(articles)
        .leftJoin(placements, eq(placements.articleId, articles.id))
        .where(inArray(articles.id, ids))
        .for("update", { of: articles });
      const byId = new Map(found.map((f) => [f.id, f]));
      const unknown = ids.filter((x) => !byId.has(x));
      if (unknown.length) throw new AppError("invalid", msg("issue.unknownArticles", { ids: unknown.join(", ") }), undefined, { articleIds: unknown, reason: "unknown" });
      const notAccepted = found.filter((f) => f.status !== "accepted").map((f) => f.id);
      if (notAccepted.length) throw new AppError("invalid", msg("issue.onlyAccepted", { ids: notAccepted.join(", ") }), undefined, { articleIds: notAccepted, reason: "not_accepted" });
      const otherPublication = found.filter((f) => f.publicationId !== null && f.publicationId !== issue.publicationId).map((f) => f.id);
      if (otherPublication.length) throw new AppError("invalid", msg("issue.otherPublication", { ids: otherPublication.join(", ") }), undefined, { articleIds: otherPublication, reason: "other_publication" });
      const elsewhere = found.filter((f) => f.placedIn !== null && f.placedIn !== id).map((f) => f.id);
      if (elsewhere.length) throw new AppError("invalid", msg("issue.inOtherIssue", { ids: elsewhere.join(", ") }), undefined, { articleIds: elsewhere, reason: "in_other_issue" });
    }
    await voidSignoffInTx(tx, viewer, id, "版面已调整", { bumpVersion: false });
    await tx.delete(placements).where(eq(placements.issueId, id));
    await tx.delete(sections).where(eq(sections.issueId, id));
    let position = 0;
    for (const [index, s] of layout.sections.entries()) {
      const sectionId = s.heading === null ? null : (await tx.insert(sections).values({ issueId: id, position: index, heading: s.heading }).returning({ id: sections.id }))[0]!.id;
      if (s.articleIds.length) {
        await tx.insert(placements).values(s.articleIds.map((articleId) => ({ issueId: id, sectionId, articleId, position: position++ })));
      }
    }
    if (ids.length) await tx.update(articles).set({ publicationId: issue.publicationId }).where(and(inArray(articles.id, ids), isNull(articles.publicationId)));
    const [saved] = await tx.update(issues).set({ version: sql`${issues.version} + 1`, updatedAt: new Date() }).where(eq(issues.id, id)).returning({ version: issues.version });
    await recordAudit(tx, viewer, { action: "issue.layout", targetType: "issue", targetId: id, details: { sections: layout.sections.map((s) => ({ heading: s.heading, articles: s.articleIds.length })) } });
    return { id, version: saved!.version };
  });
}

/** Accepted articles not yet placed in any issue (for a publication: its own and unassigned ones). */
export async function listUnplacedArticles(viewer: Viewer, publicationSlug?: string): Promise<EditorIssueArticle[]> {
  authorize(viewer, "manage:issue:any");
  const db = await getDb();
  let publicationId: number | undefined;
  if (publicationSlug) publicationId = (await db.select({ id: publications.id }).from(publications).where(eq(publications.slug, publicationSlug)))[0]?.id;
  const placedIds = db.select({ id: placements.articleId }).from(placements);
  const rows = await db
    .select({ id: articles.id, title: articles.title, unit: units.name, status: articles.status })
    .from(articles)
    .innerJoin(units, eq(units.id, articles.unitId))
    .where(
      and(
        eq(articles.status, "accepted"),
        notInArray(articles.id, placedIds),
        publicationId ? or(isNull(articles.publicationId), eq(articles.publicationId, publicationId)) : undefined,
      ),
    )
    .orderBy(asc(articles.updatedAt), asc(articles.id))
    .limit(500);
  return rows.map((r) => ({ ...r, title: titleLinesOf(r.title).join("") }));
}

/** The checks shown before publishing; publishing refuses while any fails. */
export async function checkIssue(viewer: Viewer, id: number): Promise<IssueCheck[]> {
  authorize(viewer, "read:issue:any");
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError("not_found", "issue.notFound");
  const db = await getDb();
  return db.transaction((tx) => checkIssueInTx(tx, id));
}

/** Publishes a signed issue (or any, where no 签发 is required) after the checks pass. */
export async function publishCheckedIssue(viewer: Viewer, id: number): Promise<{ publishedAt: string }> {
  authorize(viewer, "publish:issue:any");
  const db = await getDb();
  return voidingChangedSignature(viewer, id, () =>
    db.transaction(async (tx) => {
      const { issue, publication } = await loadIssue(tx, id, true);
      if (issue.status === "published" || issue.status === "withdrawn") throw new AppError("conflict", msg("issue.cannotPublish", { status: issue.status }));
      await assertSignedInTx(tx, issue, publication);
      await assertChecksPass(tx, id);
      return publishIssueInTx(tx, viewer, id);
    }),
  );
}

/**
 * A signature found not to cover the content any more (refused with 409
 * not_signed) is voided once the refusing transaction has rolled back, so
 * the board shows a draft to request sign-off for again.
 */
async function voidingChangedSignature<T>(viewer: Viewer, id: number, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof AppError && e.code === "not_signed" && e.details?.reason === "content_changed") {
      const db = await getDb();
      await db.transaction((tx) => voidSignoffInTx(tx, viewer, id, "签发后内容已变化"));
    }
    throw e;
  }
}

/** What readers would see, rendered from the current layout (nothing is saved). */
export async function previewIssue(viewer: Viewer, id: number): Promise<IssueSnapshot> {
  authorize(viewer, "read:issue:any");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { issue, publication } = await loadIssue(tx, id);
    const snapshot = await buildSnapshot(tx, id, issue.publishedAt ?? new Date());
    // The 签发 line as it will print: the signer's name once signed.
    if (publication.printSigner) {
      const [signer] = issue.signedById ? await tx.select({ name: users.name }).from(users).where(eq(users.id, issue.signedById)) : [];
      snapshot.signer = signer?.name ?? "（待签发）";
    }
    return snapshot;
  });
}

export const scheduleSchema = z.object({ at: z.iso.datetime({ offset: true }) }).strict();

/** Schedules publication at a time; the app's own scheduler publishes it then. */
/** How far in the past a 定时发布 time may be and still count as "now" (the current minute, with time to click). */
export const SCHEDULE_GRACE_MS = 3 * 60_000;

export async function scheduleIssue(viewer: Viewer, id: number, raw: unknown): Promise<{ id: number; scheduledAt: string }> {
  authorize(viewer, "publish:issue:any");
  const parsed = scheduleSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error, "issue.giveTime");
  const at = new Date(parsed.data.at);
  // The form picks whole minutes: the current minute, chosen and sent a few
  // seconds later, is "now", not the past. It publishes at the next tick.
  if (at.getTime() < Date.now() - SCHEDULE_GRACE_MS) throw new AppError("invalid", "issue.timePassed", { at: ["issue.chooseFuture"] });
  const db = await getDb();
  return voidingChangedSignature(viewer, id, () =>
    db.transaction(async (tx) => {
      const { issue, publication } = await loadIssue(tx, id, true);
      if (issue.status === "published" || issue.status === "withdrawn") throw new AppError("conflict", "issue.onlyUnpublishedSchedule");
      await assertSignedInTx(tx, issue, publication);
      await assertChecksPass(tx, id);
      const [row] = await tx
        .update(issues)
        .set({ status: "scheduled", scheduledAt: at, version: sql`${issues.version} + 1`, updatedAt: new Date() })
        .where(and(eq(issues.id, id), inArray(issues.status, ["draft", "signed", "scheduled"])))
        .returning();
      if (!row) throw new AppError("conflict", "issue.scheduleStatuses");
      await recordIssueEvent(tx, viewer, id, { type: "scheduled", from: issue.status, to: "scheduled", comment: at.toISOString() });
      await recordAudit(tx, viewer, { action: "issue.schedule", targetType: "issue", targetId: id, details: { at: at.toISOString() } });
      return { id, scheduledAt: at.toISOString() };
    }),
  );
}

/** Cancels a 定时发布: a signed issue stays signed, any other goes back to draft. */
export async function cancelSchedule(viewer: Viewer, id: number): Promise<{ id: number; status: "draft" | "signed" }> {
  authorize(viewer, "publish:issue:any");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(issues)
      .set({ status: sql`case when ${issues.signedHash} is null then 'draft' else 'signed' end`, scheduledAt: null, version: sql`${issues.version} + 1`, updatedAt: new Date() })
      .where(and(eq(issues.id, id), eq(issues.status, "scheduled")))
      .returning({ id: issues.id, status: issues.status });
    if (!row) throw new AppError("conflict", "issue.notScheduled");
    const status = row.status === "signed" ? ("signed" as const) : ("draft" as const);
    await recordIssueEvent(tx, viewer, id, { type: "unscheduled", from: "scheduled", to: status });
    await recordAudit(tx, viewer, { action: "issue.unschedule", targetType: "issue", targetId: id });
    return { id, status };
  });
}

/**
 * Publishes every scheduled issue whose time has come. Safe with several app
 * instances on one database: each due issue is claimed with SKIP LOCKED and
 * published by a conditional update, so it is published exactly once.
 */
export async function runDueSchedules(viewer: Viewer, now = new Date()): Promise<number[]> {
  authorize(viewer, "publish:issue:any");
  const db = await getDb();
  const published: number[] = [];
  for (;;) {
    const id = await db.transaction(async (tx) => {
      const [due] = await tx
        .select({ id: issues.id })
        .from(issues)
        .where(and(eq(issues.status, "scheduled"), sql`${issues.scheduledAt} <= ${now.toISOString()}::timestamptz`))
        .orderBy(asc(issues.scheduledAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!due) return null;
      // Not signed (or changed since): it goes back to draft instead of out, recorded.
      const { issue, publication } = await loadIssue(tx, due.id);
      const problem = await signatureProblemInTx(tx, issue, publication);
      if (problem) {
        if (!(await voidSignoffInTx(tx, viewer, due.id, `定时发布已取消：${problem.message}`))) {
          await tx.update(issues).set({ status: "draft", scheduledAt: null, version: sql`${issues.version} + 1`, updatedAt: new Date() }).where(eq(issues.id, due.id));
          await recordIssueEvent(tx, viewer, due.id, { type: "unscheduled", from: "scheduled", to: "draft", comment: problem.message });
          await recordAudit(tx, viewer, { action: "issue.unschedule", targetType: "issue", targetId: due.id, details: { reason: problem.message } });
        }
        return { id: due.id, published: false };
      }
      // The scheduled time is the publication time unless the editor set one.
      await publishIssueInTx(tx, viewer, due.id, { atScheduledTime: true });
      return { id: due.id, published: true };
    });
    if (id === null) return published;
    if (id.published) published.push(id.id);
  }
}

export const withdrawSchema = z.object({ reason: z.string().trim().min(1, "请填写撤回原因").max(1000).regex(NO_NUL, NUL_MESSAGE) }).strict();

/** Withdraws a published issue: readers get a notice (410) with the date and reason instead of the content. */
export async function withdrawIssue(viewer: Viewer, id: number, raw: unknown): Promise<{ id: number; status: "withdrawn" }> {
  authorize(viewer, "publish:issue:any");
  const parsed = withdrawSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error, "issue.withdrawReason");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(issues)
      .set({ status: "withdrawn", withdrawnAt: new Date(), withdrawnReason: parsed.data.reason, version: sql`${issues.version} + 1`, updatedAt: new Date() })
      .where(and(eq(issues.id, id), eq(issues.status, "published")))
      .returning({ id: issues.id });
    if (!row) throw new AppError("conflict", "issue.onlyPublishedWithdraw");
    await recordIssueEvent(tx, viewer, id, { type: "withdrawn", from: "published", to: "withdrawn", comment: parsed.data.reason });
    await recordAudit(tx, viewer, { action: "issue.withdraw", targetType: "issue", targetId: id, details: { reason: parsed.data.reason } });
    return { id, status: "withdrawn" as const };
  });
}

/** Puts a withdrawn issue back before readers, as it was. */
export async function restoreIssue(viewer: Viewer, id: number): Promise<{ id: number; status: "published" }> {
  authorize(viewer, "publish:issue:any");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(issues)
      .set({ status: "published", withdrawnAt: null, withdrawnReason: null, version: sql`${issues.version} + 1`, updatedAt: new Date() })
      .where(and(eq(issues.id, id), eq(issues.status, "withdrawn")))
      .returning({ id: issues.id });
    if (!row) throw new AppError("conflict", "issue.onlyWithdrawnRestore");
    await recordIssueEvent(tx, viewer, id, { type: "restored", from: "withdrawn", to: "published" });
    await recordAudit(tx, viewer, { action: "issue.restore", targetType: "issue", targetId: id });
    return { id, status: "published" as const };
  });
}
