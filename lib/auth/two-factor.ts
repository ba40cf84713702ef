// Two-factor sign-in (等保 身份鉴别 d, issue 21): TOTP (RFC 6238: SHA-1, 6
// digits, 30 s) with the `otpauth` library, and ten recovery codes shown once
// (stored as SHA-256 hashes, each good for one sign-in). A TOTP code is good
// once too: the last accepted time step is kept per user (users.totp_last_step)
// and a step at or below it is refused, so a code seen over a shoulder or in a
// log cannot be replayed within its 90-second window. A policy set by the
// (security) administrator requires it per role; it is off by default so the
// demo and its API stay usable.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import { z } from "zod";
import { getDb } from "@/db";
import { ROLES, securitySettings, users, type Role, type User } from "@/db/schema";
import { recordAudit } from "@/lib/audit/audit";
import { AppError, msg, schemaMessage } from "@/lib/errors";
import { verifyPassword } from "@/lib/users/passwords";
import { authorize, type Viewer } from "./permissions";

const ISSUER = "简报系统";
const RECOVERY_CODES = 10;

const totpFor = (secret: string, label: string) =>
  new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });

const PERIOD_MS = 30_000;

/**
 * The time step a 6-digit code belongs to, if it is the user's code now (±1
 * step for clock drift), else null. The step, not the code, is what is spent.
 */
function matchingStep(secret: string, label: string, code: string, now = Date.now()): number | null {
  const delta = totpFor(secret, label).validate({ token: code, window: 1, timestamp: now });
  return delta === null ? null : Math.floor(now / PERIOD_MS) + delta;
}

/**
 * Spends a time step for the user: succeeds only if it is later than the last
 * one accepted (a conditional update, so two sign-ins with one code cannot both
 * pass). `secret` pins the update to the secret the code was checked against.
 */
async function spendStep(db: Pick<Awaited<ReturnType<typeof getDb>>, "update">, userId: number, secret: string, step: number): Promise<boolean> {
  const spent = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), eq(users.totpSecret, secret), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return spent.length > 0;
}

const hashCode = (code: string) => createHash("sha256").update(code.replace(/[\s-]/g, "").toLowerCase()).digest("hex");

/** Ten codes like `k7pq-3mzx`: letters and digits without look-alikes. */
function newRecoveryCodes(): string[] {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  return Array.from({ length: RECOVERY_CODES }, () => {
    const chars = Array.from(randomBytes(8), (b) => alphabet[b % alphabet.length]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4)}`;
  });
}

/** The signed-in user, or 401: asked before what they sent is read. */
export function signedIn(viewer: Viewer): Extract<Viewer, { kind: "user" }> {
  if (viewer.kind !== "user") throw new AppError("unauthorized", "common.signInFirst");
  return viewer;
}

/** Starts (or restarts, while not yet on) enrolment: a new secret for the authenticator app. */
export async function setupTwoFactor(viewer: Viewer): Promise<{ secret: string; otpauthUrl: string }> {
  const me = signedIn(viewer);
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  const db = await getDb();
  const updated = await db
    .update(users)
    .set({ totpSecret: secret, updatedAt: new Date() })
    .where(and(eq(users.id, me.id), isNull(users.totpEnabledAt)))
    .returning({ id: users.id });
  if (!updated.length) throw new AppError("conflict", "twoFactor.alreadyEnabledReplace");
  return { secret, otpauthUrl: totpFor(secret, me.email).toString() };
}

/** Turns two-factor on once a code from the app matches; answers the recovery codes, shown this once. */
export async function enableTwoFactor(viewer: Viewer, code: string): Promise<{ ok: true; recoveryCodes: string[] }> {
  const me = signedIn(viewer);
  const db = await getDb();
  const [row] = await db.select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, me.id)).limit(1);
  if (row?.enabledAt) throw new AppError("conflict", "twoFactor.alreadyEnabled");
  if (!row?.secret) throw new AppError("conflict", "twoFactor.startSetupFirst");
  const step = matchingStep(row.secret, me.email, code.replace(/\s/g, ""));
  if (step === null) {
    throw new AppError("invalid", "twoFactor.codeWrong", { code: ["twoFactor.codeWrongField"] });
  }
  const recoveryCodes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      // The enrolment code is spent as well: it was typed where someone may have seen it.
      .set({ totpEnabledAt: new Date(), totpLastStep: step, recoveryCodeHashes: recoveryCodes.map(hashCode), updatedAt: new Date() })
      .where(and(eq(users.id, me.id), eq(users.totpSecret, row.secret!), isNull(users.totpEnabledAt)))
      .returning({ id: users.id });
    if (!updated.length) throw new AppError("conflict", "twoFactor.setupChanged");
    await recordAudit(tx, me, { action: "user.2fa-enable", targetType: "user", targetId: me.id });
  });
  return { ok: true, recoveryCodes };
}

/**
 * Turns a user's two-factor off for whoever manages security (e.g. a lost
 * phone). A user turns their own off with `disableOwnTwoFactor`, which asks for
 * the password and a code first.
 */
export async function disableTwoFactor(viewer: Viewer, userId: number): Promise<{ ok: true }> {
  authorize(viewer, "manage:security:any");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodeHashes: null, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!updated.length) throw new AppError("not_found", "user.notFound");
    await recordAudit(tx, viewer, { action: "user.2fa-disable", targetType: "user", targetId: userId });
  });
  return { ok: true };
}

// —— Changes to one's own second factor: the password and a current code again ——

/** What a user gives to change their own second factor: the password, and a current code or an unused recovery code. */
export const reauthenticationSchema = z.object({
  password: z.string().min(1, "请填写密码").max(200),
  code: z.string().trim().min(1, "请填写验证码或恢复码").max(50),
});
export type Reauthentication = z.infer<typeof reauthenticationSchema>;

/**
 * The signed-in user with two-factor on, once the password and a second factor
 * (a TOTP code or a recovery code, then spent) are right. Wrong ones answer
 * 422 naming the field; nothing is spent by a wrong password.
 */
async function reauthenticate(viewer: Viewer, input: Reauthentication): Promise<{ me: Extract<Viewer, { kind: "user" }>; user: User }> {
  const me = signedIn(viewer);
  // A one-time or expired password is for changing only (the API refuses such a viewer before this).
  if (me.mustChangePassword) throw new AppError("must_change_password", "auth.mustChangePassword");
  const db = await getDb();
  const [user] = await db.select().from(users).where(and(eq(users.id, me.id), eq(users.active, true))).limit(1);
  if (!user) throw new AppError("unauthorized", "common.signInFirst");
  if (!user.totpEnabledAt) throw new AppError("conflict", "twoFactor.notEnabled");
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    throw new AppError("invalid", "twoFactor.passwordWrong", { password: ["twoFactor.passwordWrong"] });
  }
  if (!(await checkSecondFactor(user, input.code))) {
    throw new AppError("invalid", "twoFactor.reauthCodeWrong", { code: ["twoFactor.reauthCodeWrongField"] });
  }
  return { me, user };
}

/** Whether the policy lets this user turn two-factor off themselves (it does not when it requires it for their role). */
export function mayDisableOwnTwoFactor(user: Pick<User, "role" | "totpEnabledAt">, policy: SecurityPolicy): boolean {
  return Boolean(user.totpEnabledAt) && !policy.twoFactorRoles.includes(user.role as Role);
}

/**
 * Turns the viewer's own two-factor off, after their password and a current
 * code (or a recovery code). Refused with 403 when the security policy requires
 * two-factor for their role. Audited as user.2fa-disable (`self`).
 */
export async function disableOwnTwoFactor(viewer: Viewer, input: Reauthentication): Promise<{ ok: true }> {
  const me = signedIn(viewer);
  const db = await getDb();
  const [row] = await db.select({ role: users.role, totpEnabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, me.id)).limit(1);
  if (!row) throw new AppError("unauthorized", "common.signInFirst");
  // The policy before the password: refused whatever is typed, and no code is spent.
  if (row.totpEnabledAt && !mayDisableOwnTwoFactor(row, await getSecurityPolicy())) throw new AppError("forbidden", "twoFactor.requiredByPolicy");
  const { user } = await reauthenticate(me, input);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodeHashes: null, updatedAt: new Date() })
      .where(and(eq(users.id, user.id), eq(users.totpSecret, user.totpSecret!)))
      .returning({ id: users.id });
    if (!updated.length) throw new AppError("conflict", "twoFactor.setupChanged");
    await recordAudit(tx, me, { action: "user.2fa-disable", targetType: "user", targetId: me.id, details: { self: true } });
  });
  return { ok: true };
}

/**
 * New recovery codes for the viewer, after their password and a current code:
 * the old ones stop working. Answers the new ones, shown this once. Audited as
 * user.2fa-recovery-codes.
 */
export async function regenerateRecoveryCodes(viewer: Viewer, input: Reauthentication): Promise<{ ok: true; recoveryCodes: string[] }> {
  const { me, user } = await reauthenticate(viewer, input);
  const recoveryCodes = newRecoveryCodes();
  const db = await getDb();
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ recoveryCodeHashes: recoveryCodes.map(hashCode), updatedAt: new Date() })
      .where(and(eq(users.id, user.id), eq(users.totpSecret, user.totpSecret!)))
      .returning({ id: users.id });
    if (!updated.length) throw new AppError("conflict", "twoFactor.setupChanged");
    await recordAudit(tx, me, { action: "user.2fa-recovery-codes", targetType: "user", targetId: me.id });
  });
  return { ok: true, recoveryCodes };
}

/**
 * Whether `otp` is the user's current TOTP code not used before (its time step
 * is then spent), or one of their unused recovery codes (then spent).
 */
export async function checkSecondFactor(user: User, otp: string | undefined, now = Date.now()): Promise<boolean> {
  if (!otp || !user.totpSecret || !user.totpEnabledAt) return false;
  const token = otp.replace(/\s/g, "");
  const db = await getDb();
  if (/^\d{6}$/.test(token)) {
    const step = matchingStep(user.totpSecret, user.email, token, now);
    return step !== null && (await spendStep(db, user.id, user.totpSecret, step));
  }
  const hash = hashCode(token);
  if (!(user.recoveryCodeHashes ?? []).includes(hash)) return false;
  // Spent atomically: two sign-ins with the same code cannot both succeed.
  const spent = await db
    .update(users)
    .set({ recoveryCodeHashes: sql`${users.recoveryCodeHashes} - ${hash}::text` })
    .where(and(eq(users.id, user.id), sql`${users.recoveryCodeHashes} ? ${hash}::text`))
    .returning({ id: users.id });
  return spent.length > 0;
}

// —— The policy ——
// One row per key in security_settings. `policy_version` counts the changes:
// a save that names the version it was read at is refused with 409 when another
// administrator saved in between (optimistic locking, as for articles).

const VERSION_KEY = "policy_version";
const POLICY_KEYS = ["two_factor_roles", "password_max_age_days", VERSION_KEY];

// One message per field, whatever the field got wrong, in the asker's language.
const ROLES_ONLY = schemaMessage(msg("security.rolesOnly", { roles: ROLES.join("、") }));
const MAX_AGE = schemaMessage("security.passwordMaxAge");
const VERSION = schemaMessage("security.versionInvalid");

/** `PUT /api/v1/security/policy` and the desk's 安全策略 form. */
export const securityPolicySchema = z.object({
  /** Roles that must sign in with a second factor. */
  twoFactorRoles: z.array(z.enum(ROLES, { error: ROLES_ONLY }), { error: ROLES_ONLY }).max(ROLES.length, ROLES_ONLY),
  /** Days a password lasts before it must be changed (等保 身份鉴别 a); null: no expiry (the default); absent: unchanged. */
  passwordMaxAgeDays: z.number({ error: MAX_AGE }).int(MAX_AGE).min(1, MAX_AGE).max(3650, MAX_AGE).nullable().optional(),
  /** The version the policy was read at: a stale one is refused with 409. Absent: saved whatever changed since. */
  version: z.number({ error: VERSION }).int(VERSION).min(0, VERSION).optional(),
});
export type SecurityPolicyInput = z.infer<typeof securityPolicySchema>;
/** What GET answers and the page shows. */
export const securityPolicyResponseSchema = z.object({
  twoFactorRoles: z.array(z.enum(ROLES)),
  passwordMaxAgeDays: z.number().int().nullable(),
  /** 0 until the policy is first saved; one more with each save. */
  version: z.number().int(),
});
/** The roles the policy may name, in the order the page lists them. */
export const POLICY_ROLES: readonly Role[] = ROLES;
export type SecurityPolicy = { twoFactorRoles: Role[]; passwordMaxAgeDays: number | null; version: number };

/** The policy in force (defaults: nothing required, passwords do not expire). */
export async function getSecurityPolicy(): Promise<SecurityPolicy> {
  const db = await getDb();
  const rows = await db.select({ key: securitySettings.key, value: securitySettings.value }).from(securitySettings).where(inArray(securitySettings.key, POLICY_KEYS));
  const roles = securityPolicySchema.shape.twoFactorRoles.safeParse(rows.find((r) => r.key === "two_factor_roles")?.value);
  const days = securityPolicySchema.shape.passwordMaxAgeDays.safeParse(rows.find((r) => r.key === "password_max_age_days")?.value ?? null);
  const version = z.number().int().min(0).safeParse(rows.find((r) => r.key === VERSION_KEY)?.value);
  return { twoFactorRoles: roles.success ? roles.data : [], passwordMaxAgeDays: days.success ? (days.data ?? null) : null, version: version.success ? version.data : 0 };
}

/** The policy for the security administrator's page, with who saved it last and when. */
export async function getSecurityPolicyForAdmin(viewer: Viewer): Promise<SecurityPolicy & { updatedAt: Date | null; updatedBy: string | null }> {
  authorize(viewer, "manage:security:any");
  const db = await getDb();
  const [policy, [last]] = await Promise.all([
    getSecurityPolicy(),
    db
      .select({ updatedAt: securitySettings.updatedAt, updatedBy: users.name })
      .from(securitySettings)
      .leftJoin(users, eq(users.id, securitySettings.updatedById))
      .where(eq(securitySettings.key, VERSION_KEY))
      .limit(1),
  ]);
  return { ...policy, updatedAt: last?.updatedAt ?? null, updatedBy: last?.updatedBy ?? null };
}

/** Whether the user must change their password before anything else: a one-time password, or one older than the policy allows. */
export function passwordChangeDue(user: Pick<User, "mustChangePassword" | "passwordChangedAt">, policy: Pick<SecurityPolicy, "passwordMaxAgeDays">, now = Date.now()): boolean {
  if (user.mustChangePassword) return true;
  return policy.passwordMaxAgeDays !== null && user.passwordChangedAt.getTime() + policy.passwordMaxAgeDays * 86_400_000 <= now;
}

/** Sets the policy (the API's PUT and the desk's page), audited; refused with 409 when `version` is stale. */
export async function setSecurityPolicy(viewer: Viewer, input: SecurityPolicyInput): Promise<SecurityPolicy> {
  authorize(viewer, "manage:security:any");
  const roles = [...new Set(input.twoFactorRoles)];
  const days = input.passwordMaxAgeDays;
  const expected = input.version;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const updatedById = viewer.kind === "user" ? viewer.id : null;
    // The version first: a conditional write, so of two saves read at one version only the first passes.
    const bumped =
      expected === undefined
        ? await tx
            .insert(securitySettings)
            .values({ key: VERSION_KEY, value: 1, updatedById })
            .onConflictDoUpdate({ target: securitySettings.key, set: { value: sql`to_jsonb((${securitySettings.value})::int + 1)`, updatedById, updatedAt: new Date() } })
            .returning({ value: securitySettings.value })
        : expected === 0
          ? await tx.insert(securitySettings).values({ key: VERSION_KEY, value: 1, updatedById }).onConflictDoNothing().returning({ value: securitySettings.value })
          : await tx
              .update(securitySettings)
              .set({ value: expected + 1, updatedById, updatedAt: new Date() })
              .where(and(eq(securitySettings.key, VERSION_KEY), sql`${securitySettings.value} = ${JSON.stringify(expected)}::jsonb`))
              .returning({ value: securitySettings.value });
    if (!bumped.length) throw new AppError("conflict", "security.policyChanged");
    const put = (key: string, value: unknown) =>
      tx.insert(securitySettings).values({ key, value, updatedById }).onConflictDoUpdate({ target: securitySettings.key, set: { value, updatedById, updatedAt: new Date() } });
    await put("two_factor_roles", roles);
    // No expiry is no row (a jsonb null would be SQL NULL here).
    if (days === null) await tx.delete(securitySettings).where(eq(securitySettings.key, "password_max_age_days"));
    else if (days !== undefined) await put("password_max_age_days", days);
    await recordAudit(tx, viewer, {
      action: "security.policy",
      targetType: "security_settings",
      targetId: "two_factor_roles",
      details: { twoFactorRoles: roles, ...(days !== undefined ? { passwordMaxAgeDays: days } : {}), version: Number(bumped[0]!.value) },
    });
  });
  return getSecurityPolicy();
}

/** Whether this user must give a second factor to sign in: they turned it on, or their role requires it. */
export function twoFactorRequired(user: Pick<User, "role" | "totpEnabledAt">, policy: SecurityPolicy): boolean {
  return Boolean(user.totpEnabledAt) || policy.twoFactorRoles.includes(user.role as Role);
}
