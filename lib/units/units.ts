// 供稿单位: the contributing units. Renaming a unit never changes a published
// issue (readers see the frozen snapshot); deactivating one stops its
// contributors from submitting but keeps its history.
import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db, type Tx } from "@/db";
import { units } from "@/db/schema";
import { authorize, can, type Viewer } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/audit";
import { AppError, isUniqueViolation, invalidInput, msg } from "@/lib/errors";

export const unitInputSchema = z.object({
  name: z.string().trim().min(1, "请填写单位名称").max(100, "单位名称过长"),
  shortName: z
    .string()
    .trim()
    .max(50, "简称过长")
    .nullish()
    .transform((v) => v || null),
});
export const unitUpdateSchema = z
  .object({
    name: unitInputSchema.shape.name.optional(),
    shortName: unitInputSchema.shape.shortName.optional(),
    active: z.boolean().optional(),
  })
  .strict();

export interface UnitListItem {
  id: number;
  name: string;
  shortName: string | null;
  active: boolean;
  users: number;
  articles: number;
  createdAt: string;
}

/** All units with how many users and articles they have (admin). */
export async function listUnits(viewer: Viewer): Promise<UnitListItem[]> {
  authorize(viewer, "manage:unit:any");
  const db = await getDb();
  const rows = await db
    .select({
      id: units.id,
      name: units.name,
      shortName: units.shortName,
      active: units.active,
      // Written out: in a single-table select Drizzle leaves column names unqualified, which a subquery would misread.
      users: sql<number>`(select count(*)::int from users u where u.unit_id = "units"."id")`,
      articles: sql<number>`(select count(*)::int from articles a where a.unit_id = "units"."id")`,
      createdAt: units.createdAt,
    })
    .from(units)
    .orderBy(asc(units.id));
  return rows.map((r) => ({ ...r, users: Number(r.users), articles: Number(r.articles), createdAt: r.createdAt.toISOString() }));
}

/** Units to choose from in a form (id, name, active), for anyone who manages users or reads statistics. */
export async function unitOptions(viewer: Viewer): Promise<{ id: number; name: string; active: boolean }[]> {
  if (!can(viewer, "manage:unit:any")) authorize(viewer, "read:stats:any");
  const db = await getDb();
  return db.select({ id: units.id, name: units.name, active: units.active }).from(units).orderBy(asc(units.name));
}

function uniqueNameError(name: string) {
  return new AppError("conflict", msg("unit.nameTaken", { name }), { name: ["unit.nameTakenField"] });
}

export async function createUnit(viewer: Viewer, input: z.input<typeof unitInputSchema> | Record<string, unknown>): Promise<{ id: number }> {
  authorize(viewer, "manage:unit:any");
  const parsed = unitInputSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error, "common.checkInput");
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(units).values(parsed.data).returning({ id: units.id });
      await recordAudit(tx, viewer, { action: "unit.create", targetType: "unit", targetId: row!.id, details: parsed.data });
      return row!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw uniqueNameError(parsed.data.name);
    throw e;
  }
}

/** Renames a unit or (de)activates it. */
export async function updateUnit(viewer: Viewer, id: number, input: z.input<typeof unitUpdateSchema> | Record<string, unknown>): Promise<UnitListItem> {
  authorize(viewer, "manage:unit:any");
  const parsed = unitUpdateSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error, "common.checkInput");
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) throw new AppError("not_found", "unit.notFound");
  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      const [current] = await tx.select().from(units).where(eq(units.id, id)).for("update").limit(1);
      if (!current) throw new AppError("not_found", "unit.notFound");
      const next = { name: parsed.data.name ?? current.name, shortName: parsed.data.shortName !== undefined ? parsed.data.shortName : current.shortName, active: parsed.data.active ?? current.active };
      const changed = Object.fromEntries(
        (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== current[k]).map((k) => [k, { from: current[k], to: next[k] }]),
      );
      if (!Object.keys(changed).length) return;
      await tx.update(units).set(next).where(eq(units.id, id));
      const action = "active" in changed ? (next.active ? "unit.activate" : "unit.deactivate") : "unit.rename";
      await recordAudit(tx, viewer, { action, targetType: "unit", targetId: id, details: { changed } });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw uniqueNameError(parsed.data.name ?? "");
    throw e;
  }
  const list = await listUnits(viewer);
  return list.find((u) => u.id === id)!;
}

/**
 * Called by the submit workflow inside its transaction: a deactivated unit's
 * contributors can no longer submit. Locks the unit row (shared) so a
 * concurrent deactivation waits for the submission or sees it refused.
 */
export async function assertUnitActive(tx: Tx | Db, unitId: number): Promise<void> {
  const [unit] = await tx.select({ active: units.active }).from(units).where(eq(units.id, unitId)).for("share").limit(1);
  if (!unit) throw new AppError("not_found", "unit.notFound");
  if (!unit.active) throw new AppError("conflict", "unit.inactiveCannotSubmit");
}
