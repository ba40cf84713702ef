// Password sign-in with limits per account and per address, recorded in the
// database so the limits hold across restarts and across app instances.
// Every attempt — failed, refused or successful — is in the audit log with the
// address and the user agent (等保 安全审计, issue 21).
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db";
import { loginAttempts, users, type User } from "@/db/schema";
import { AppError, msg } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/audit";
import { findUserByEmail } from "@/lib/users/users";
import { hashPassword, verifyPassword } from "@/lib/users/passwords";
import { anonymous, type Viewer } from "./permissions";
import { checkSecondFactor, getSecurityPolicy, twoFactorRequired } from "./two-factor";

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** The sign-in limits: LOGIN_MAX_PER_ACCOUNT (5), LOGIN_MAX_PER_ADDRESS (50) failures within LOGIN_WINDOW_MINUTES (15). */
export function loginLimits(env: Record<string, string | undefined> = process.env) {
  return {
    perAccount: positive(env.LOGIN_MAX_PER_ACCOUNT, 5),
    perAddress: positive(env.LOGIN_MAX_PER_ADDRESS, 50),
    windowMinutes: positive(env.LOGIN_WINDOW_MINUTES, 15),
  };
}

// Compared against when the e-mail is unknown, so timing does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword("not-a-real-password"));

export interface SignInInput {
  email: string;
  password: string;
  ip: string;
  userAgent?: string;
  /** A TOTP code or a recovery code, when two-factor is on for the account. */
  otp?: string;
  /** Where the attempt came from: the sign-in form or the API's token exchange. */
  channel?: "web" | "api";
}

const userViewer = (user: User): Viewer => ({ kind: "user", id: user.id, role: user.role, unitId: user.unitId, name: user.name, email: user.email });

/** Records a failed or refused attempt in the audit log (its own transaction, so it stays when the caller throws). */
export async function recordFailedSignIn(
  db: Db | Tx,
  input: { email: string; ip: string; userAgent?: string; channel?: string; reason: string; userId?: number },
) {
  await recordAudit(db, anonymous, {
    action: "auth.sign-in-failed",
    targetType: input.userId ? "user" : undefined,
    targetId: input.userId,
    ip: input.ip,
    details: { email: input.email, reason: input.reason, userAgent: input.userAgent ?? "", channel: input.channel ?? "web" },
  });
}

/** Failed attempts of one account that still count: inside the window and after the last unlock. */
function accountFailuresSql(emailColumn: unknown, unlockedAt: unknown, windowMinutes: number) {
  return sql<number>`(select count(*)::int from ${loginAttempts} la
    where la.email = ${emailColumn} and not la.success
      and la.created_at > greatest(now() - make_interval(mins => ${windowMinutes}), coalesce(${unlockedAt}::timestamptz, '-infinity'::timestamptz)))`;
}

/** Whether each of these users is locked out now, by id. */
export async function lockedUserIds(ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const { perAccount, windowMinutes } = loginLimits();
  const db = await getDb();
  const rows = await db
    .select({ id: users.id, failures: accountFailuresSql(users.email, users.unlockedAt, windowMinutes) })
    .from(users)
    .where(inArray(users.id, ids));
  return new Set(rows.filter((r) => Number(r.failures) >= perAccount).map((r) => r.id));
}

export async function signInWithPassword(input: SignInInput): Promise<User> {
  // NUL cannot be stored (the attempt is recorded) and is in no address: dropped.
  const email = input.email.replace(/\u0000/g, "").trim().toLowerCase().slice(0, 254);
  const ip = input.ip.replace(/\u0000/g, "").slice(0, 100) || "unknown";
  const userAgent = input.userAgent?.replace(/\u0000/g, "").slice(0, 300);
  const { perAccount, perAddress, windowMinutes } = loginLimits();
  const db = await getDb();
  const user = await findUserByEmail(email);
  const since = new Date(Date.now() - windowMinutes * 60_000);
  const [counts] = await db
    .select({
      byAccount: accountFailuresSql(email, user?.unlockedAt?.toISOString() ?? null, windowMinutes),
      byAddress: sql<number>`count(*) filter (where ${loginAttempts.ip} = ${ip})::int`,
    })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.success, false), gt(loginAttempts.createdAt, since), eq(loginAttempts.ip, ip)));
  const failure = { email, ip, userAgent, channel: input.channel, userId: user?.id };
  // The account first: a locked account says so from any address.
  if (Number(counts?.byAccount ?? 0) >= perAccount) {
    await recordFailedSignIn(db, { ...failure, reason: "locked" });
    throw new AppError("locked", msg("auth.locked", { minutes: windowMinutes }));
  }
  if (Number(counts?.byAddress ?? 0) >= perAddress) {
    await recordFailedSignIn(db, { ...failure, reason: "rate_limited" });
    throw new AppError("rate_limited", msg("auth.rateLimited", { minutes: windowMinutes }));
  }
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await getDummyHash()));
  let success = Boolean(user && ok && user.active);
  // The second factor, when the account has it on or its role requires it.
  let otpFailure: "otp_missing" | "otp_wrong" | "two_factor_not_enrolled" | null = null;
  if (success && twoFactorRequired(user!, await getSecurityPolicy())) {
    if (!user!.totpEnabledAt) {
      // The role requires it and the account has not enrolled: the web sign-in leads to the enrolment, a token is refused.
      if (input.channel === "api") otpFailure = "two_factor_not_enrolled";
    } else if (!(await checkSecondFactor(user!, input.otp))) {
      otpFailure = input.otp ? "otp_wrong" : "otp_missing";
      success = false;
    }
  }
  if (otpFailure === "two_factor_not_enrolled") {
    await recordFailedSignIn(db, { ...failure, reason: otpFailure });
    throw new AppError("otp_required", "auth.twoFactorEnrolFirst");
  }
  await db.transaction(async (tx) => {
    await tx.insert(loginAttempts).values({ email, ip, success });
    if (success) {
      await recordAudit(tx, userViewer(user!), {
        action: "auth.sign-in",
        targetType: "user",
        targetId: user!.id,
        ip,
        details: { userAgent: userAgent ?? "", channel: input.channel ?? "web" },
      });
    } else {
      await recordFailedSignIn(tx, { ...failure, reason: otpFailure ?? (!user ? "unknown_account" : !ok ? "wrong_password" : "inactive") });
    }
  });
  if (otpFailure) throw new AppError("otp_required", otpFailure === "otp_missing" ? "auth.otpMissing" : "auth.otpWrong");
  if (!success) throw new AppError("unauthorized", "auth.badCredentials");
  return user!;
}
