// User administration: the admin's list, one-time passwords, role and unit
// changes, deactivation. Every change is a conditional update in a transaction
// together with its audit row.
import { and, asc, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { escapeLike } from "@/lib/sql-like";
import { z } from "zod";
import { getDb, executeRows, type Tx } from "@/db";
import { apiTokens, units, users, ROLES, type Role } from "@/db/schema";
import { authorize, authorizeAccountChange, type Viewer } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/audit";
import { endUserSessionsInTx } from "@/lib/auth/sessions";
import { lockedUserIds } from "@/lib/auth/sign-in";
import { AppError, isUniqueViolation, pgError, invalidInput, msg, messageOfText, type ErrorMessage } from "@/lib/errors";
import { hashPassword, randomPassword, verifyPassword } from "./passwords";
import { assertPasswordAllowed } from "./users";

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

export const userFilterSchema = z.object({
  q: z.string().trim().max(200).optional(),
  role: z.enum(ROLES).optional(),
  unitId: idSchema.optional(),
  active: z.enum(["true", "false"]).optional(),
});
export type UserFilter = z.input<typeof userFilterSchema>;

export const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("邮箱格式不正确").max(254),
  name: z.string().trim().min(1, "请填写姓名").max(100, "姓名过长"),
  role: z.enum(ROLES, { message: "请选择角色" }),
  unitId: idSchema.nullish(),
});
export type NewUserInput = z.input<typeof newUserSchema>;

export const updateUserSchema = z
  .object({
    name: z.string().trim().min(1, "请填写姓名").max(100, "姓名过长").optional(),
    role: z.enum(ROLES, { message: "请选择角色" }).optional(),
    unitId: idSchema.nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type UpdateUserInput = z.input<typeof updateUserSchema>;

export const changeOwnPasswordSchema = z
  .object({ current: z.string().min(1, "请填写当前密码").max(200), password: z.string().min(1, "请填写新密码").max(200, "密码过长"), confirm: z.string().max(200) })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "两次输入的新密码不一致" })
  .refine((v) => v.password !== v.current, { path: ["password"], message: "新密码不能与当前密码相同" });

export interface ManagedUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  unitId: number | null;
  unit: string | null;
  active: boolean;
  mustChangePassword: boolean;
  /** Over the failed sign-in limit now (429 `locked`); an administrator may lift it. */
  locked: boolean;
  createdAt: string;
}

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  unitId: users.unitId,
  unit: units.name,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  createdAt: users.createdAt,
};

type UserRow = Omit<ManagedUser, "createdAt" | "locked"> & { createdAt: Date };
const toManaged = (r: UserRow, locked: Set<number>): ManagedUser => ({ ...r, locked: locked.has(r.id), createdAt: r.createdAt.toISOString() });

function invalid(error: z.ZodError, message: ErrorMessage = "common.checkInput"): AppError {
  return invalidInput(error, message);
}

/** Users for the admin's table, filtered; with the totals by role and status for the filter bar. */
export async function listManagedUsers(viewer: Viewer, filter: UserFilter = {}) {
  authorize(viewer, "read:user:any");
  const parsed = userFilterSchema.safeParse(filter);
  if (!parsed.success) throw invalid(parsed.error, "api.filterInvalid");
  const f = parsed.data;
  const conditions: (SQL | undefined)[] = [
    f.q ? or(ilike(users.email, `%${escapeLike(f.q)}%`), ilike(users.name, `%${escapeLike(f.q)}%`)) : undefined,
    f.role ? eq(users.role, f.role) : undefined,
    f.unitId ? eq(users.unitId, f.unitId) : undefined,
    f.active ? eq(users.active, f.active === "true") : undefined,
  ];
  const db = await getDb();
  const [rows, byRoleRows] = await Promise.all([
    db
      .select(userColumns)
      .from(users)
      .leftJoin(units, eq(units.id, users.unitId))
      .where(and(...conditions))
      .orderBy(asc(users.role), asc(users.email)),
    db
      .select({ role: users.role, all: sql<number>`count(*)::int`, active: sql<number>`count(*) filter (where ${users.active})::int` })
      .from(users)
      .groupBy(users.role),
  ]);
  const locked = await lockedUserIds(rows.map((r) => r.id));
  // Every role that has accounts, in the roles' own order (签发人 and the three administrators too).
  const byRole = ROLES.flatMap((role) => byRoleRows.filter((r) => r.role === role).map((r) => ({ role, count: r.all })));
  const sum = (k: "all" | "active") => byRoleRows.reduce((n, r) => n + r[k], 0);
  return { users: rows.map((r) => toManaged(r, locked)), totals: { all: sum("all"), active: sum("active"), byRole, locked: locked.size } };
}

/** One user, for the admin's detail page. */
export async function getManagedUser(viewer: Viewer, id: number): Promise<ManagedUser> {
  authorize(viewer, "read:user:any");
  if (!idSchema.safeParse(id).success) throw new AppError("not_found", "user.notFound");
  const db = await getDb();
  const [row] = await db.select(userColumns).from(users).leftJoin(units, eq(units.id, users.unitId)).where(eq(users.id, id)).limit(1);
  if (!row) throw new AppError("not_found", "user.notFound");
  return toManaged(row, await lockedUserIds([row.id]));
}

/** Lifts a sign-in lock: the failures so far stop counting for the account (not for the address). */
export async function unlockUser(viewer: Viewer, id: number): Promise<ManagedUser> {
  authorize(viewer, "manage:security:any");
  if (!idSchema.safeParse(id).success) throw new AppError("not_found", "user.notFound");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const updated = await tx.update(users).set({ unlockedAt: new Date() }).where(eq(users.id, id)).returning({ id: users.id, email: users.email });
    if (!updated.length) throw new AppError("not_found", "user.notFound");
    await recordAudit(tx, viewer, { action: "user.unlock", targetType: "user", targetId: id, details: { email: updated[0]!.email } });
  });
  return getManagedUser(viewer, id);
}

/** A unit a user may be attached to: it exists and is active. */
async function requireAssignableUnit(tx: Tx, unitId: number) {
  const [unit] = await tx.select({ id: units.id, active: units.active }).from(units).where(eq(units.id, unitId)).limit(1);
  if (!unit) throw new AppError("invalid", "unit.notFound", { unitId: ["unit.notFound"] });
  if (!unit.active) throw new AppError("invalid", "unit.inactive", { unitId: ["unit.inactive"] });
}

/**
 * Refuses a change that would leave no active administrator. The advisory lock
 * serializes every such change, so two admins demoting each other at the same
 * moment cannot both succeed.
 */
async function assertAnotherActiveAdmin(tx: Tx, exceptUserId: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(734002)`);
  const [row] = await executeRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from users where role = 'admin' and active and id <> ${exceptUserId}`,
  );
  if (Number(row?.n ?? 0) < 1) {
    throw new AppError("conflict", "user.lastAdmin", { role: ["user.lastAdminField"] });
  }
}

/** Creates a user with a one-time password, returned once; they must choose their own at first sign-in. */
export async function createUserWithOneTimePassword(viewer: Viewer, input: NewUserInput | Record<string, unknown>): Promise<{ user: ManagedUser; password: string }> {
  authorize(viewer, "manage:user:any");
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error, "user.infoInvalid");
  const data = parsed.data;
  authorizeAccountChange(viewer, { role: data.role }, data.role);
  const unitId = data.unitId ?? null;
  if (data.role === "contributor" && !unitId) {
    throw new AppError("invalid", "user.contributorNeedsUnit", { unitId: ["user.contributorNeedsUnitField"] });
  }
  const password = randomPassword();
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  try {
    const id = await db.transaction(async (tx) => {
      if (unitId) await requireAssignableUnit(tx, unitId);
      const [row] = await tx
        .insert(users)
        .values({ email: data.email, name: data.name, role: data.role, unitId, passwordHash, mustChangePassword: true })
        .returning({ id: users.id });
      await recordAudit(tx, viewer, {
        action: "user.create",
        targetType: "user",
        targetId: row!.id,
        details: { email: data.email, role: data.role, unitId },
      });
      return row!.id;
    });
    return { user: await getManagedUser(viewer, id), password };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", msg("user.emailTaken", { email: data.email }), { email: ["user.emailTakenField"] });
    throw e;
  }
}

/** Changes a user's name, role, unit or active flag. Deactivating also revokes their API tokens. */
export async function updateManagedUser(viewer: Viewer, id: number, input: UpdateUserInput | Record<string, unknown>): Promise<ManagedUser> {
  authorize(viewer, "manage:user:any");
  const parsed = updateUserSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  const change = parsed.data;
  if (!idSchema.safeParse(id).success) throw new AppError("not_found", "user.notFound");
  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      const [current] = await tx.select().from(users).where(eq(users.id, id)).for("update").limit(1);
      if (!current) throw new AppError("not_found", "user.notFound");
      authorizeAccountChange(viewer, current, change.role);
      const role = change.role ?? current.role;
      const active = change.active ?? current.active;
      // Contributors always write for a unit; editors and admins may keep one (e.g. 宣传信息组).
      const unitId = change.unitId !== undefined ? change.unitId : current.unitId;
      if (role === "contributor" && !unitId) {
        throw new AppError("invalid", "user.contributorNeedsUnit", { unitId: ["user.contributorNeedsUnitField"] });
      }
      if (unitId && unitId !== current.unitId) await requireAssignableUnit(tx, unitId);
      const losesAdmin = current.role === "admin" && current.active && (role !== "admin" || !active);
      if (losesAdmin) await assertAnotherActiveAdmin(tx, id);

      const before = { name: current.name, role: current.role, unitId: current.unitId, active: current.active };
      const after = { name: change.name ?? current.name, role, unitId, active };
      const changed = Object.fromEntries(
        (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]).map((k) => [k, { from: before[k], to: after[k] }]),
      );
      if (!Object.keys(changed).length) return;
      await tx.update(users).set({ ...after, updatedAt: new Date() }).where(eq(users.id, id));
      let tokensRevoked = 0;
      if (current.active && !active) {
        // A deactivated account's tokens and sessions die with it; re-activation does not revive them.
        tokensRevoked = await revokeAllTokens(tx, id);
        await tx.update(users).set({ sessionsRevokedAt: new Date() }).where(eq(users.id, id));
        await endUserSessionsInTx(tx, id);
      }
      const action = "active" in changed ? (active ? "user.activate" : "user.deactivate") : "role" in changed ? "user.role" : "user.update";
      await recordAudit(tx, viewer, {
        action,
        targetType: "user",
        targetId: id,
        details: { changed, ...(tokensRevoked ? { tokensRevoked } : {}) },
      });
    });
  } catch (e) {
    if (pgError(e)?.code === "23514") throw new AppError("invalid", "user.infoBreaksRules", { unitId: ["user.contributorNeedsUnitField"] });
    throw e;
  }
  return getManagedUser(viewer, id);
}

/** Revokes every live API token of a user; answers how many. */
async function revokeAllTokens(tx: Tx, userId: number): Promise<number> {
  const revoked = await tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return revoked.length;
}

/** Gives a user a new one-time password (returned once); they must change it at their next sign-in. */
export async function resetUserPassword(viewer: Viewer, id: number): Promise<{ password: string }> {
  authorize(viewer, "manage:user:any");
  if (!idSchema.safeParse(id).success) throw new AppError("not_found", "user.notFound");
  const db = await getDb();
  const [target] = await db.select({ role: users.role }).from(users).where(eq(users.id, id)).limit(1);
  if (!target) throw new AppError("not_found", "user.notFound");
  authorizeAccountChange(viewer, target);
  const password = randomPassword();
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, passwordChangedAt: new Date(), sessionsRevokedAt: new Date(), updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning({ id: users.id });
    if (!updated.length) throw new AppError("not_found", "user.notFound");
    // Whoever held the old password holds nothing now: every session and API token of the user ends.
    const tokensRevoked = await revokeAllTokens(tx, id);
    await endUserSessionsInTx(tx, id);
    await recordAudit(tx, viewer, { action: "user.reset-password", targetType: "user", targetId: id, ...(tokensRevoked ? { details: { tokensRevoked } } : {}) });
  });
  return { password };
}

/** The API's form of a password change: `POST /api/v1/auth/password`. */
export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, "请填写当前密码").max(200), newPassword: z.string().min(1, "请填写新密码").max(200, "密码过长") })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "新密码不能与当前密码相同" });

/** A signed-in user replaces their password (and with it a one-time password). */
export async function changeOwnPassword(viewer: Viewer, input: z.input<typeof changeOwnPasswordSchema>): Promise<void> {
  if (viewer.kind !== "user") throw new AppError("unauthorized", "common.signInFirst");
  const parsed = changeOwnPasswordSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  await replacePassword(viewer, parsed.data.current, parsed.data.password, "current");
}

/** The same through the API: `{currentPassword, newPassword}`; the fields of a 422 carry those names. */
export async function changePassword(viewer: Viewer, input: z.input<typeof changePasswordSchema>): Promise<{ ok: true }> {
  if (viewer.kind !== "user") throw new AppError("unauthorized", "common.signInFirst");
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error, firstMessage(parsed.error));
  await replacePassword(viewer, parsed.data.currentPassword, parsed.data.newPassword, "currentPassword");
  return { ok: true };
}

const firstMessage = (error: z.ZodError): ErrorMessage => messageOfText(error.issues[0]?.message ?? "请检查填写的内容");

async function replacePassword(
  viewer: Extract<Viewer, { kind: "user" }>,
  currentPassword: string,
  newPassword: string,
  currentField: "current" | "currentPassword",
): Promise<void> {
  const db = await getDb();
  const [current] = await db.select({ hash: users.passwordHash }).from(users).where(and(eq(users.id, viewer.id), eq(users.active, true))).limit(1);
  if (!current) throw new AppError("unauthorized", "common.signInFirst");
  if (!(await verifyPassword(currentPassword, current.hash))) {
    throw new AppError("invalid", "user.currentPasswordWrong", { [currentField]: ["user.currentPasswordWrong"] });
  }
  assertPasswordAllowed(newPassword, viewer, currentField === "current" ? "password" : "newPassword");
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    // Conditional on the hash just checked: a concurrent reset by an admin wins.
    const updated = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(users.id, viewer.id), eq(users.passwordHash, current.hash)))
      .returning({ id: users.id });
    if (!updated.length) throw new AppError("conflict", "user.passwordResetByAdmin");
    // API tokens minted with the old password end; the session that made the change stays (see docs/security.md).
    const tokensRevoked = await revokeAllTokens(tx, viewer.id);
    await recordAudit(tx, viewer, { action: "user.change-password", targetType: "user", targetId: viewer.id, ...(tokensRevoked ? { details: { tokensRevoked } } : {}) });
  });
}
