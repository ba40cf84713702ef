// Reading the audit log (admins only). Entries are never edited or deleted
// through the app: this module only reads. Pages go by key (the id), not by
// offset, so a page stays stable while new entries arrive.
import { and, desc, eq, gte, like, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { auditLog, users } from "@/db/schema";
import { authorize, type Viewer } from "@/lib/auth/permissions";
import { invalidInput } from "@/lib/errors";
import { escapeLike } from "@/lib/sql-like";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式为 YYYY-MM-DD");

export const auditFilterSchema = z.object({
  actor: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  // An exact action (`user.create`) or a family (`user.`).
  action: z.string().trim().max(100).optional(),
  targetType: z.string().trim().max(50).optional(),
  targetId: z.string().trim().max(100).optional(),
  from: day.optional(), // China dates, inclusive
  to: day.optional(),
  before: z.coerce.number().int().positive().optional(), // the key of the page: entries with a smaller id
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditFilter = z.input<typeof auditFilterSchema>;

export interface AuditEntryView {
  id: number;
  at: string;
  actorId: number | null;
  actor: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
  ip: string | null;
}

/** The WHERE conditions of a filter (the page and the export share them). */
export function auditFilterConditions(f: Omit<z.output<typeof auditFilterSchema>, "before" | "limit">): (SQL | undefined)[] {
  return [
    f.actor ? eq(auditLog.actorId, f.actor) : undefined,
    f.action ? (f.action.endsWith(".") ? like(auditLog.action, `${escapeLike(f.action)}%`) : eq(auditLog.action, f.action)) : undefined,
    f.targetType ? eq(auditLog.targetType, f.targetType) : undefined,
    f.targetId ? eq(auditLog.targetId, f.targetId) : undefined,
    f.from ? gte(auditLog.createdAt, new Date(`${f.from}T00:00:00+08:00`)) : undefined,
    f.to ? lt(auditLog.createdAt, new Date(new Date(`${f.to}T00:00:00+08:00`).getTime() + 86_400_000)) : undefined,
  ];
}

/** A page of audit entries, newest first, and the key of the next page (null at the end). */
export async function listAuditEntries(viewer: Viewer, filter: AuditFilter = {}): Promise<{ entries: AuditEntryView[]; nextBefore: number | null }> {
  authorize(viewer, "read:audit:any");
  const parsed = auditFilterSchema.safeParse(filter);
  if (!parsed.success) throw invalidInput(parsed.error, "api.filterInvalid");
  const f = parsed.data;
  const conditions = [...auditFilterConditions(f), f.before ? lt(auditLog.id, f.before) : undefined];
  const db = await getDb();
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.createdAt,
      actorId: auditLog.actorId,
      actor: users.name,
      actorEmail: users.email,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      details: auditLog.details,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  return {
    entries: page.map(({ actorEmail, ...r }) => ({ ...r, actor: r.actor ? `${r.actor} <${actorEmail}>` : null, at: r.at.toISOString() })),
    nextBefore: rows.length > f.limit ? page[page.length - 1]!.id : null,
  };
}

/** The actions and target types present, for the filter menus. */
export async function auditFacets(viewer: Viewer): Promise<{ actions: string[]; targetTypes: string[]; actors: { id: number; label: string }[] }> {
  authorize(viewer, "read:audit:any");
  const db = await getDb();
  const [actions, targetTypes, actors] = await Promise.all([
    db.selectDistinct({ v: auditLog.action }).from(auditLog).orderBy(auditLog.action).limit(500),
    db.selectDistinct({ v: auditLog.targetType }).from(auditLog).where(sql`${auditLog.targetType} is not null`).orderBy(auditLog.targetType).limit(100),
    db.select({ id: users.id, name: users.name, email: users.email }).from(users).orderBy(users.name),
  ]);
  return {
    actions: actions.map((a) => a.v),
    targetTypes: targetTypes.map((t) => t.v!),
    actors: actors.map((a) => ({ id: a.id, label: `${a.name} <${a.email}>` })),
  };
}
