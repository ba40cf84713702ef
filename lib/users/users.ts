// Users: creation, passwords, and look-ups for sign-in.
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { units, users, ROLES, type User } from "@/db/schema";
import { authorize, authorizeAccountChange, type Viewer } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/audit";
import { AppError, isUniqueViolation, invalidInput, msg, messageOfText, type ErrorKey } from "@/lib/errors";
import { hashPassword } from "./passwords";
import { PASSWORD_RULES, passwordRuleBroken, type PasswordRule } from "./password-policy";

/** A new password: the rules that need no one's name (see password-policy.ts); `assertPasswordAllowed` adds the personal one. */
export const passwordSchema = z
  .string()
  .max(200, "密码过长")
  .superRefine((password, ctx) => {
    const rule = passwordRuleBroken(password);
    if (rule) ctx.addIssue({ code: "custom", message: PASSWORD_RULES[rule], params: { rule } });
  });

const PASSWORD_RULE_MESSAGES: Record<PasswordRule, ErrorKey> = {
  length: "password.length",
  classes: "password.classes",
  common: "password.common",
  personal: "password.personal",
};

/** Refuses a password that breaks a rule (personal included), as a 422 naming the rule in `rule` and in the field. */
export function assertPasswordAllowed(password: string, who: { email?: string | null; name?: string | null }, field = "password"): void {
  const rule = passwordRuleBroken(password, who);
  if (rule) throw new AppError("invalid", PASSWORD_RULE_MESSAGES[rule], { [field]: [PASSWORD_RULE_MESSAGES[rule]] }, { rule });
}

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("邮箱格式不正确").max(254),
  name: z.string().trim().min(1, "请填写姓名").max(100),
  role: z.enum(ROLES),
  unit: z.string().trim().min(1).max(200).optional(),
  password: passwordSchema,
  mustChangePassword: z.boolean().optional(),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export type PublicUser = Pick<User, "id" | "email" | "name" | "role" | "unitId" | "active">;

/** Creates a user; a contributor must name an existing unit (by name or short name). */
export async function createUser(
  viewer: Viewer,
  input: CreateUserInput,
  /** How the password is hashed; a caller creating many accounts with one password (the e2e hook) hashes it once. */
  options: { hash?: (password: string) => Promise<string> } = {},
): Promise<PublicUser> {
  authorize(viewer, "manage:user:any");
  const parsed = createUserSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error, "user.infoInvalid");
  const data = parsed.data;
  authorizeAccountChange(viewer, { role: data.role }, data.role);
  assertPasswordAllowed(data.password, data);
  const db = await getDb();
  let unitId: number | null = null;
  if (data.unit) {
    const [unit] = await db
      .select({ id: units.id })
      .from(units)
      .where(sql`${units.name} = ${data.unit} or ${units.shortName} = ${data.unit}`)
      .limit(1);
    if (!unit) throw new AppError("invalid", msg("user.noUnitNamed", { unit: data.unit }), { unit: ["unit.notFound"] });
    unitId = unit.id;
  }
  if (data.role === "contributor" && !unitId) {
    throw new AppError("invalid", "user.contributorNeedsUnit", { unit: ["user.contributorNeedsUnitField"] });
  }
  const passwordHash = await (options.hash ?? hashPassword)(data.password);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({
          email: data.email,
          name: data.name,
          role: data.role,
          unitId,
          passwordHash,
          mustChangePassword: data.mustChangePassword ?? false,
        })
        .returning({ id: users.id, email: users.email, name: users.name, role: users.role, unitId: users.unitId, active: users.active });
      await recordAudit(tx, viewer, { action: "user.create", targetType: "user", targetId: user!.id, details: { email: data.email, role: data.role } });
      return user!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", msg("user.emailTaken", { email: data.email }), { email: ["user.emailTakenField"] });
    throw e;
  }
}

/** Sets a new password for the user with this e-mail. */
export async function setUserPassword(viewer: Viewer, email: string, password: string): Promise<void> {
  authorize(viewer, "manage:user:any");
  const pw = passwordSchema.safeParse(password);
  if (!pw.success) throw new AppError("invalid", messageOfText(pw.error.issues[0]!.message), { password: [messageOfText(pw.error.issues[0]!.message)] });
  const db = await getDb();
  const [owner] = await db.select({ email: users.email, name: users.name }).from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  if (owner) assertPasswordAllowed(password, owner);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(eq(users.email, email.trim().toLowerCase()))
      .returning({ id: users.id });
    if (!updated.length) throw new AppError("not_found", msg("user.noUserWithEmail", { email }));
    await recordAudit(tx, viewer, { action: "user.password", targetType: "user", targetId: updated[0]!.id });
  });
}

export async function countUsers(): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

export async function findUserByEmail(email: string): Promise<User | undefined> {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return user;
}

export async function findUserById(id: number): Promise<User | undefined> {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user;
}

export interface UserListItem {
  id: number;
  email: string;
  name: string;
  role: User["role"];
  unit: string | null;
  active: boolean;
}

/** All users, for administrators. */
export async function listUsers(viewer: Viewer): Promise<UserListItem[]> {
  authorize(viewer, "manage:user:any");
  const db = await getDb();
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, unit: units.name, active: users.active })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .orderBy(users.id);
}
