// 约稿 (信息约稿制度): an editor asks named units for an article on a topic
// by a deadline; each addressed unit answers by submitting an article linked
// to the commission (`commissionId` on the article). Per unit a commission is
//   open      — nothing submitted yet, the deadline not passed;
//   answered  — a linked article of the unit was submitted (not only drafted),
//               on time or late (`late`: first submitted after the deadline);
//   missed    — the deadline passed and nothing was submitted.
// The status is never stored: it is computed from the data and a clock, and
// every function here takes `now` from its caller, so tests move time by
// passing a later `now` (and end-to-end tests through lib/e2e/clock.ts).
//
// Visibility is part of every query: editors see every commission and every
// unit's answer; a contributor sees only those addressed to their unit, with
// their unit's row alone; to anyone else a commission does not exist.
import { and, asc, desc, eq, gt, gte, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { JSONContent } from "@tiptap/core";
import { z } from "zod";
import { getDb, type Db, type Tx } from "@/db";
import { articleEvents, articles, commissionUnits, commissions, notifications, publications, units, users, type ArticleStatus } from "@/db/schema";
import { resolveBody } from "@/lib/articles/mutations";
import { MAX_HTML_BYTES } from "@/lib/articles/html";
import { authorize, can, type Viewer } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/audit";
import { AppError, msg, type ErrorMessage } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { documentText, renderDocumentHtml } from "@/lib/render/document";

export const COMMISSION_TITLE_MAX = 200;
/** How long before the deadline the reminder goes out. */
export const REMINDER_BEFORE_MS = 24 * 60 * 60 * 1000;
/** A missed commission stays on the unit's desk this long after its deadline (it may still be answered, late). */
export const DESK_OVERDUE_DAYS = 30;

export const COMMISSION_UNIT_STATUSES = ["open", "answered", "missed"] as const;
export type CommissionUnitStatus = (typeof COMMISSION_UNIT_STATUSES)[number];

/**
 * `POST /api/v1/commissions`. Messages in Chinese are the catalogue's words
 * (errors.json `commission.*`), so they come back in the asker's language.
 */
export const commissionInputSchema = z
  .object({
    title: z.string({ error: "请填写约稿标题" }).max(COMMISSION_TITLE_MAX * 2, `标题不能超过 ${COMMISSION_TITLE_MAX} 字`),
    brief: z
      .union([z.string().max(MAX_HTML_BYTES * 2), z.looseObject({ type: z.literal("doc") })], { error: "请填写约稿要求" })
      .describe("What the commission asks for: HTML (sanitized and converted) or a Tiptap JSON document"),
    deadline: z.string({ error: "请填写截止时间（含时区，如 2026-12-05T18:00:00+08:00）" }).max(64).describe("ISO 8601 with a time zone; must be later than now"),
    unitIds: z.array(z.number({ error: "单位编号无效" }).int("单位编号无效").min(1, "单位编号无效").max(2_147_483_647, "单位编号无效"), { error: "至少选择一个单位" }).max(1000).describe("The units addressed (at least one)"),
    publication: z.string().max(100).nullable().optional().describe("The publication's slug, if the commission is for one"),
  })
  .strict();
export type CommissionInput = z.infer<typeof commissionInputSchema>;

const versionField = z.number({ error: "缺少版本号" }).int("缺少版本号").min(1, "缺少版本号").max(2_147_483_647, "缺少版本号").describe("The version the change is based on; a stale one gets 409");

/**
 * `PATCH /api/v1/commissions/{id}`: the version read and the fields that
 * change (the others keep their value). `unitIds` is the whole new list.
 */
export const commissionUpdateSchema = commissionInputSchema
  .pick({ title: true, brief: true, deadline: true, unitIds: true })
  .partial()
  .extend({ version: versionField })
  .strict();
export type CommissionUpdate = z.infer<typeof commissionUpdateSchema>;

export const COMMISSION_CANCEL_REASON_MAX = 500;
/** `POST /api/v1/commissions/{id}/cancel`: the version read and why (撤销原因). */
export const commissionCancelSchema = z
  .object({
    version: versionField,
    reason: z.string({ error: "请填写撤销原因" }).max(COMMISSION_CANCEL_REASON_MAX * 2, `撤销原因不能超过 ${COMMISSION_CANCEL_REASON_MAX} 字`).describe(`Why the commission is cancelled (1–${COMMISSION_CANCEL_REASON_MAX} characters)`),
  })
  .strict();
export type CommissionCancel = z.infer<typeof commissionCancelSchema>;

export const commissionListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export interface CommissionArticleRef {
  id: number;
  title: string;
  status: ArticleStatus;
  /** First submitted, or null for a draft never submitted. */
  submittedAt: string | null;
}

export interface CommissionUnitState {
  unitId: number;
  unit: string;
  status: CommissionUnitStatus;
  /** Answered after the deadline; null unless answered. */
  late: boolean | null;
  /** When the unit first submitted an answer, or null. */
  answeredAt: string | null;
  /** The unit's articles linked to the commission (drafts too). */
  articleIds: number[];
  articles: CommissionArticleRef[];
}

export interface CommissionCancellation {
  at: string;
  reason: string;
  by: string | null;
}

export interface CommissionListItem {
  id: number;
  title: string;
  deadline: string;
  version: number;
  /** 已撤销: when, why and by whom; null while the commission stands. */
  cancelled: CommissionCancellation | null;
  publication: { slug: string; name: string } | null;
  createdAt: string;
  createdBy: string | null;
  units: CommissionUnitState[];
}

export interface CommissionDetail extends CommissionListItem {
  brief: JSONContent;
  briefHtml: string;
}

/** The status of one unit's answer at `now`. */
export function commissionStatus(deadline: Date, answeredAt: Date | null, now: Date): { status: CommissionUnitStatus; late: boolean | null } {
  if (answeredAt && answeredAt.getTime() <= now.getTime()) return { status: "answered", late: answeredAt.getTime() > deadline.getTime() };
  return { status: now.getTime() > deadline.getTime() ? "missed" : "open", late: null };
}

/** Who may see what: every commission (editors), or those addressed to one unit (its contributors). Fails closed. */
function scopeOf(viewer: Viewer): { all: true } | { unitId: number } {
  if (can(viewer, "manage:commission:any")) return { all: true };
  if (viewer.kind === "user" && viewer.role === "contributor" && viewer.unitId !== null && can(viewer, "read:commission:own-unit")) return { unitId: viewer.unitId };
  authorize(viewer, "manage:commission:any");
  throw new AppError("forbidden", "common.forbidden");
}

const addressedTo = (unitId: number): SQL =>
  sql`exists (select 1 from ${commissionUnits} where ${commissionUnits.commissionId} = ${commissions.id} and ${commissionUnits.unitId} = ${unitId})`;

/**
 * First submission of an article (its first `submitted` event), for the
 * answer's time. Spelled out with table names: inside a subquery drizzle
 * would leave `articles.id` unqualified, and `id` would be the event's.
 */
const firstSubmittedAt = sql<Date | null>`(select min(ae.created_at) from article_events ae where ae.article_id = "articles"."id" and ae.type = 'submitted')`.mapWith(
  articleEvents.createdAt,
);

/**
 * Each addressed unit's state for the commissions given, at `now` (only
 * `unitId`'s row when given). One query for the units, one for the answers.
 */
export async function unitStatesOf(
  db: Db | Tx,
  rows: readonly { id: number; deadline: Date }[],
  now: Date,
  unitId?: number,
): Promise<Map<number, CommissionUnitState[]>> {
  const out = new Map<number, CommissionUnitState[]>(rows.map((r) => [r.id, []]));
  if (!rows.length) return out;
  const ids = rows.map((r) => r.id);
  const [targets, answers] = await Promise.all([
    db
      .select({ commissionId: commissionUnits.commissionId, unitId: commissionUnits.unitId, unit: units.name })
      .from(commissionUnits)
      .innerJoin(units, eq(units.id, commissionUnits.unitId))
      .where(and(inArray(commissionUnits.commissionId, ids), unitId === undefined ? undefined : eq(commissionUnits.unitId, unitId)))
      .orderBy(asc(commissionUnits.commissionId), asc(units.id)),
    db
      .select({ id: articles.id, commissionId: articles.commissionId, unitId: articles.unitId, title: articles.title, status: articles.status, submittedAt: firstSubmittedAt })
      .from(articles)
      .where(and(inArray(articles.commissionId, ids), unitId === undefined ? undefined : eq(articles.unitId, unitId)))
      .orderBy(asc(articles.id)),
  ]);
  const deadlines = new Map(rows.map((r) => [r.id, r.deadline]));
  for (const t of targets) {
    const own = answers.filter((a) => a.commissionId === t.commissionId && a.unitId === t.unitId);
    // A submission counts while the article is not back in draft (a withdrawn submission is no answer).
    const answeredAt =
      own
        .filter((a) => a.status !== "draft" && a.submittedAt && a.submittedAt.getTime() <= now.getTime())
        .map((a) => a.submittedAt!)
        .sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
    const { status, late } = commissionStatus(deadlines.get(t.commissionId)!, answeredAt, now);
    out.get(t.commissionId)!.push({
      unitId: t.unitId,
      unit: t.unit,
      status,
      late,
      answeredAt: answeredAt?.toISOString() ?? null,
      articleIds: own.map((a) => a.id),
      articles: own.map((a) => ({ id: a.id, title: a.title.split("\n").join(""), status: a.status, submittedAt: a.submittedAt?.toISOString() ?? null })),
    });
  }
  return out;
}

const cancelledBy = alias(users, "cancelled_by");

const listColumns = {
  id: commissions.id,
  title: commissions.title,
  deadline: commissions.deadline,
  version: commissions.version,
  cancelledAt: commissions.cancelledAt,
  cancelReason: commissions.cancelReason,
  cancelledBy: cancelledBy.name,
  createdAt: commissions.createdAt,
  publicationSlug: publications.slug,
  publicationName: publications.name,
  createdBy: users.name,
};

type ListRow = {
  id: number;
  title: string;
  deadline: Date;
  version: number;
  cancelledAt: Date | null;
  cancelReason: string | null;
  cancelledBy: string | null;
  createdAt: Date;
  publicationSlug: string | null;
  publicationName: string | null;
  createdBy: string | null;
};

function listItem(r: ListRow, states: Map<number, CommissionUnitState[]>): CommissionListItem {
  return {
    id: r.id,
    title: r.title,
    deadline: r.deadline.toISOString(),
    version: r.version,
    cancelled: r.cancelledAt ? { at: r.cancelledAt.toISOString(), reason: r.cancelReason ?? "", by: r.cancelledBy } : null,
    publication: r.publicationSlug ? { slug: r.publicationSlug, name: r.publicationName! } : null,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy,
    units: states.get(r.id) ?? [],
  };
}

/**
 * The commissions the viewer may see, latest deadline first (`order: "deadline"`:
 * soonest first), each with its units' states at `now`. `since`: only those
 * whose deadline is at or after it.
 */
export async function listCommissions(
  viewer: Viewer,
  options: { now: Date; limit?: number; since?: Date; order?: "latest" | "deadline" },
): Promise<CommissionListItem[]> {
  const scope = scopeOf(viewer);
  const db = await getDb();
  const rows = await db
    .select(listColumns)
    .from(commissions)
    .leftJoin(publications, eq(publications.id, commissions.publicationId))
    .leftJoin(users, eq(users.id, commissions.createdById))
    .leftJoin(cancelledBy, eq(cancelledBy.id, commissions.cancelledById))
    .where(and("unitId" in scope ? addressedTo(scope.unitId) : undefined, options.since ? gte(commissions.deadline, options.since) : undefined))
    .orderBy(...(options.order === "deadline" ? [asc(commissions.deadline), asc(commissions.id)] : [desc(commissions.deadline), desc(commissions.id)]))
    .limit(options.limit ?? 200);
  const states = await unitStatesOf(db, rows, options.now, "unitId" in scope ? scope.unitId : undefined);
  return rows.map((r) => listItem(r, states));
}

/** The unit's commissions not yet answered (nor cancelled) whose deadline is ahead or recently passed, soonest first: the top of the contributor's desk. */
export async function deskCommissions(viewer: Viewer, now: Date): Promise<CommissionListItem[]> {
  if (!can(viewer, "read:commission:own-unit")) return [];
  const since = new Date(now.getTime() - DESK_OVERDUE_DAYS * 86_400_000);
  const list = await listCommissions(viewer, { now, since, order: "deadline", limit: 100 });
  return list.filter((c) => !c.cancelled && c.units.some((u) => u.status !== "answered"));
}

/** Commissions an article of the viewer's unit may answer (the Word import's choice): not answered, deadline ahead or recently passed. */
export async function answerableCommissions(viewer: Viewer, now: Date): Promise<{ id: number; title: string; deadline: string }[]> {
  return (await deskCommissions(viewer, now)).map((c) => ({ id: c.id, title: c.title, deadline: c.deadline }));
}

/** One commission with its brief, if the viewer may see it; otherwise not found. */
export async function getCommission(viewer: Viewer, id: number, options: { now: Date }): Promise<CommissionDetail> {
  const scope = scopeOf(viewer);
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError("not_found", "commission.notFound");
  const db = await getDb();
  const [row] = await db
    .select({ ...listColumns, brief: commissions.brief })
    .from(commissions)
    .leftJoin(publications, eq(publications.id, commissions.publicationId))
    .leftJoin(users, eq(users.id, commissions.createdById))
    .leftJoin(cancelledBy, eq(cancelledBy.id, commissions.cancelledById))
    .where(and(eq(commissions.id, id), "unitId" in scope ? addressedTo(scope.unitId) : undefined))
    .limit(1);
  if (!row) throw new AppError("not_found", "commission.notFound");
  const states = await unitStatesOf(db, [row], options.now, "unitId" in scope ? scope.unitId : undefined);
  const brief = row.brief as JSONContent;
  return { ...listItem(row, states), brief, briefHtml: renderDocumentHtml(brief) };
}

/** Drops control characters (as article titles do) and folds whitespace, line breaks too: a title is one line. */
export function normalizeCommissionTitle(raw: string): string {
  const title = raw.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").replace(/\s+/g, " ").trim();
  if (!title) throw new AppError("invalid", "commission.titleRequired", { title: ["commission.titleRequired"] });
  if (title.length > COMMISSION_TITLE_MAX) {
    throw new AppError("invalid", msg("commission.titleMaxChars", { max: COMMISSION_TITLE_MAX }), { title: [msg("commission.titleMaxChars", { max: COMMISSION_TITLE_MAX })] });
  }
  return title;
}

/** The brief as a valid document: Tiptap JSON validated, or HTML sanitized and converted — as an article body is. */
export function resolveBrief(brief: string | Record<string, unknown>): JSONContent {
  let doc: JSONContent | undefined;
  try {
    doc = resolveBody(typeof brief === "string" ? { html: brief } : { body: brief });
  } catch (e) {
    if (e instanceof AppError) {
      const texts: ErrorMessage[] = Object.values(e.fieldTexts ?? {}).flat();
      throw new AppError(e.code, e.text, { brief: texts.length ? texts : [e.text] });
    }
    throw e;
  }
  if (!doc || !documentText(doc).trim()) throw new AppError("invalid", "commission.briefRequired", { brief: ["commission.briefRequired"] });
  return doc;
}

/** The deadline as written (ISO 8601 with a time zone), not yet compared with the clock. */
export function parseDeadlineText(raw: string): Date {
  const valid = z.iso.datetime({ offset: true }).safeParse(raw.trim());
  const at = valid.success ? new Date(raw.trim()) : null;
  if (!at || Number.isNaN(at.getTime())) throw new AppError("invalid", "commission.deadlineInvalid", { deadline: ["commission.deadlineInvalidField"] });
  return at;
}

/** A deadline being set must be later than `now`. */
export function assertDeadlineAhead(at: Date, now: Date): Date {
  if (at.getTime() <= now.getTime()) throw new AppError("invalid", "commission.deadlinePast", { deadline: ["commission.deadlinePastField"] });
  return at;
}

const parseDeadline = (raw: string, now: Date) => assertDeadlineAhead(parseDeadlineText(raw), now);

/** The units given, each existing and active (422 naming `unitIds` otherwise). */
export async function assertUnitsAddressable(tx: Tx, unitIds: number[]): Promise<void> {
  if (!unitIds.length) return;
  const found = await tx.select({ id: units.id, name: units.name, active: units.active }).from(units).where(inArray(units.id, unitIds));
  const unknown = unitIds.filter((u) => !found.some((f) => f.id === u));
  if (unknown.length) throw new AppError("invalid", "commission.unitUnknown", { unitIds: [msg("commission.unitUnknownField", { ids: unknown.join(", ") })] });
  const inactive = found.find((f) => !f.active);
  if (inactive) throw new AppError("invalid", "commission.unitInactive", { unitIds: [msg("commission.unitInactiveField", { unit: inactive.name })] });
}

/** The notice telling a unit it has a new commission (at creation, or when added later). */
export const newCommissionNotice = (title: string, deadline: Date) => `新约稿：《${title}》，请于 ${formatDateTime(deadline)} 前报送`;

/**
 * Writes a commission (editors): title, brief, deadline (later than `now`),
 * the units addressed (at least one, each existing and active), optionally
 * the publication. One transaction: the commission, its units, a notice to
 * every active contributor of each unit, and the audit row — all or nothing.
 */
export async function createCommission(viewer: Viewer, input: CommissionInput, options: { now: Date }): Promise<CommissionDetail> {
  authorize(viewer, "manage:commission:any");
  const title = normalizeCommissionTitle(input.title);
  const brief = resolveBrief(input.brief);
  const deadline = parseDeadline(input.deadline, options.now);
  const unitIds = [...new Set(input.unitIds)];
  if (!unitIds.length) throw new AppError("invalid", "commission.unitsRequired", { unitIds: ["commission.unitsRequiredField"] });
  const db = await getDb();
  const id = await db.transaction(async (tx) => {
    await assertUnitsAddressable(tx, unitIds);
    let publicationId: number | null = null;
    if (input.publication) {
      const [p] = await tx.select({ id: publications.id }).from(publications).where(eq(publications.slug, input.publication));
      if (!p) throw new AppError("invalid", "commission.publicationUnknown", { publication: [msg("commission.publicationUnknownField", { slug: input.publication })] });
      publicationId = p.id;
    }
    const [created] = await tx
      .insert(commissions)
      .values({ title, brief, deadline, publicationId, createdById: viewer.kind === "user" ? viewer.id : null, createdAt: options.now, updatedAt: options.now })
      .returning({ id: commissions.id });
    // Due within a day already: the notice of the commission says the deadline; no separate reminder.
    const soon = deadline.getTime() - options.now.getTime() <= REMINDER_BEFORE_MS;
    await tx.insert(commissionUnits).values(unitIds.map((unitId) => ({ commissionId: created!.id, unitId, remindedAt: soon ? options.now : null })));
    await notifyUnits(tx, created!.id, unitIds, "commission", newCommissionNotice(title, deadline));
    await recordAudit(tx, viewer, {
      action: "commission.create",
      targetType: "commission",
      targetId: created!.id,
      details: { title, deadline: deadline.toISOString(), unitIds, ...(input.publication ? { publication: input.publication } : {}) },
    });
    return created!.id;
  });
  return getCommission(viewer, id, options);
}

/**
 * A notice to every active contributor of the units, linked to the
 * commission — or not (`commissionId` null) for units that can no longer
 * open it.
 */
export async function notifyUnits(tx: Tx, commissionId: number | null, unitIds: number[], type: string, message: string) {
  if (!unitIds.length) return;
  const recipients = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.unitId, unitIds), eq(users.role, "contributor"), eq(users.active, true)));
  if (recipients.length) await tx.insert(notifications).values(recipients.map((r) => ({ userId: r.id, commissionId, type, message })));
}

/**
 * The reminder a day before the deadline (run by the scheduler in
 * lib/startup.ts): for every addressed unit whose commission is due within
 * REMINDER_BEFORE_MS and that has not been reminded, the unit is claimed by
 * setting `reminded_at` in one conditional UPDATE — so each commission reminds
 * each unit once, however often this runs and on however many instances —
 * and, unless the unit has already answered, its contributors get a notice.
 * Returns the units reminded.
 */
export async function sendCommissionReminders(viewer: Viewer, now: Date): Promise<{ commissionId: number; unitId: number }[]> {
  authorize(viewer, "manage:commission:any");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(commissionUnits)
      .set({ remindedAt: now })
      .from(commissions)
      .where(
        and(
          eq(commissions.id, commissionUnits.commissionId),
          isNull(commissionUnits.remindedAt),
          isNull(commissions.cancelledAt),
          gt(commissions.deadline, now),
          lte(commissions.deadline, new Date(now.getTime() + REMINDER_BEFORE_MS)),
        ),
      )
      .returning({ commissionId: commissionUnits.commissionId, unitId: commissionUnits.unitId, title: commissions.title, deadline: commissions.deadline });
    if (!claimed.length) return [];
    const byCommission = new Map<number, { id: number; deadline: Date; title: string; unitIds: number[] }>();
    for (const c of claimed) {
      const entry = byCommission.get(c.commissionId) ?? { id: c.commissionId, deadline: c.deadline, title: c.title, unitIds: [] };
      entry.unitIds.push(c.unitId);
      byCommission.set(c.commissionId, entry);
    }
    const states = await unitStatesOf(tx, [...byCommission.values()], now);
    const reminded: { commissionId: number; unitId: number }[] = [];
    for (const c of byCommission.values()) {
      const waiting = c.unitIds.filter((u) => states.get(c.id)?.find((s) => s.unitId === u)?.status === "open");
      await notifyUnits(tx, c.id, waiting, "commission_reminder", `约稿将于 24 小时内截止：《${c.title}》，截止时间 ${formatDateTime(c.deadline)}`);
      reminded.push(...waiting.map((unitId) => ({ commissionId: c.id, unitId })));
    }
    return reminded;
  });
}

/** The units a commission may be addressed to (active ones), for the editor's form. */
export async function commissionUnitOptions(viewer: Viewer): Promise<{ id: number; name: string }[]> {
  authorize(viewer, "manage:commission:any");
  const db = await getDb();
  return db.select({ id: units.id, name: units.name }).from(units).where(eq(units.active, true)).orderBy(asc(units.id));
}

/** Counts of the units' states: 按时, 逾期报送, 逾期未报, 待报送. */
export function commissionSummary(c: Pick<CommissionListItem, "units">): { onTime: number; late: number; missed: number; open: number } {
  const n = { onTime: 0, late: 0, missed: 0, open: 0 };
  for (const u of c.units) {
    if (u.status === "answered") n[u.late ? "late" : "onTime"] += 1;
    else n[u.status] += 1;
  }
  return n;
}
