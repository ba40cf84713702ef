// Issue assembly (组期): numbers, fields, layout (sections and order) and
// preview. What sends an issue out — checks, publishing, 定时发布, withdrawal —
// is in lifecycle.ts; corrections (更正) in corrections.ts; 签发 in signoff.ts.
// A change to an issue that was asked to be signed or was signed takes it back
// to draft. Every change is a conditional update in a transaction with its
// audit row; the numbering uniques are enforced by the database. Inputs arrive
// parsed by the route's schema (schemas.ts).
import { and, asc, desc, eq, isNull, notInArray, or, sql, inArray } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { articles, issues, placements, publications, sections, units, users, type Issue } from "@/db/schema";
import { authorize, type Viewer } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/audit";
import { AppError, isUniqueViolation, msg } from "@/lib/errors";
import { currentChinaYear } from "@/lib/format";
import { assignPublicationInTx } from "@/lib/articles/placement";
import { issueTitle, nextIssueNumbers, type IssueNumbers } from "./numbering";
import type { IssueCheck } from "./checks";
import { loadIssue } from "./load";
import type { CreateIssueInput, Layout, UpdateIssueInput } from "./schemas";
import { voidSignoffInTx } from "./signoff";
import { buildSnapshot, titleLinesOf, type IssueSnapshot } from "./snapshot";

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
export async function createIssue(viewer: Viewer, input: CreateIssueInput): Promise<IssueCreated> {
  authorize(viewer, "manage:issue:any");
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
          // 编辑: whoever assembles the issue, unless named; the board can change it.
          editorName: input.editorName ?? (viewer.kind === "user" ? viewer.name : null),
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

export const ISSUE_PAGE_SIZE = 100;

/** All issues for the editors, newest numbers first: the first page of listIssuesPage. */
export async function listIssues(viewer: Viewer, limit = ISSUE_PAGE_SIZE): Promise<IssueListItem[]> {
  return (await listIssuesPage(viewer, { limit })).issues;
}

/** Where a page of the issues' list ends: `2017.88.1` (year, number, id of its last issue). */
const CURSOR = /^(\d{1,4})\.(\d{1,6})\.(\d{1,10})$/;

/**
 * A page of the issues, newest numbers first; `after` (a page's `next`) goes
 * on to the older ones, so an office's issues of earlier years stay
 * reachable however many there are. A malformed cursor starts from the top.
 */
export async function listIssuesPage(viewer: Viewer, { after, limit = ISSUE_PAGE_SIZE }: { after?: string; limit?: number } = {}): Promise<{ issues: IssueListItem[]; next: string | null }> {
  authorize(viewer, "read:issue:any");
  const at = after ? CURSOR.exec(after) : null;
  const db = await getDb();
  const rows = await db
    .select({ issue: issues, publication: publications })
    .from(issues)
    .innerJoin(publications, eq(publications.id, issues.publicationId))
    .where(at ? sql`(${issues.year}, ${issues.number}, ${issues.id}) < (${Number(at[1])}, ${Number(at[2])}, ${Number(at[3])})` : undefined)
    .orderBy(desc(issues.year), desc(issues.number), desc(issues.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1)?.issue;
  return {
    issues: page.map(({ issue, publication }) => ({
      id: issue.id,
      publication: publication.slug,
      title: issueTitle(publication.name, issue, publication.showTotalNumber),
      status: issue.status,
      year: issue.year,
      number: issue.number,
      publishedAt: issue.publishedAt?.toISOString() ?? null,
      scheduledAt: issue.scheduledAt?.toISOString() ?? null,
    })),
    next: rows.length > limit && last ? `${last.year}.${last.number}.${last.id}` : null,
  };
}

/** Edits an unpublished issue's fields (来源, 编辑, date, 按语, numbers), with optimistic locking; voids a pending or given 签发. */
export async function updateIssue(viewer: Viewer, id: number, input: UpdateIssueInput): Promise<{ id: number; version: number }> {
  authorize(viewer, "manage:issue:any");
  const { version, publishedAt, ...fields } = input;
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
      await recordAudit(tx, viewer, { action: "issue.update", targetType: "issue", targetId: id, details: input });
      return { id, version: saved.version };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", "issue.numberTaken", { number: ["issue.numberTaken"] });
    throw e;
  }
}

/** Replaces an issue's sections and article order. Bad layouts are refused whole, naming the offending articles. */
export async function setIssueLayout(viewer: Viewer, id: number, layout: Layout): Promise<{ id: number; version: number }> {
  authorize(viewer, "manage:issue:any");
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
    await assignPublicationInTx(tx, ids, issue.publicationId);
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

/** What readers would see, rendered from the current layout (nothing is saved). */
export async function previewIssue(viewer: Viewer, id: number): Promise<IssueSnapshot> {
  return (await previewIssueWithStatus(viewer, id)).snapshot;
}

/** The preview and where the issue stands: once it is out, readers see the snapshot frozen at publishing, not this. */
export async function previewIssueWithStatus(viewer: Viewer, id: number): Promise<{ snapshot: IssueSnapshot; status: Issue["status"] }> {
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
    return { snapshot, status: issue.status };
  });
}
