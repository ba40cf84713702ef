// Password sign-in with limits per account and per address, recorded in the
// database so the limits hold across restarts and across app instances.
import { and, eq, gt, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { loginAttempts, type User } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/audit";
import { findUserByEmail } from "@/lib/users/users";
import { hashPassword, verifyPassword } from "@/lib/users/passwords";

const WINDOW_MINUTES = 15;
const maxPerAccount = () => Number(process.env.LOGIN_MAX_PER_ACCOUNT || 5);
const maxPerAddress = () => Number(process.env.LOGIN_MAX_PER_ADDRESS || 50);

// Compared against when the e-mail is unknown, so timing does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword("not-a-real-password"));

export async function signInWithPassword(input: { email: string; password: string; ip: string }): Promise<User> {
  // NUL cannot be stored (the attempt is recorded) and is in no address: dropped.
  const email = input.email.replace(/\u0000/g, "").trim().toLowerCase().slice(0, 254);
  const ip = input.ip.replace(/\u0000/g, "").slice(0, 100) || "unknown";
  const db = await getDb();
  const since = new Date(Date.now() - WINDOW_MINUTES * 60_000);
  const [counts] = await db
    .select({
      byAccount: sql<number>`count(*) filter (where ${loginAttempts.email} = ${email})::int`,
      byAddress: sql<number>`count(*) filter (where ${loginAttempts.ip} = ${ip})::int`,
    })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.success, false),
        gt(loginAttempts.createdAt, since),
        sql`(${loginAttempts.email} = ${email} or ${loginAttempts.ip} = ${ip})`,
      ),
    );
  if ((counts?.byAccount ?? 0) >= maxPerAccount() || (counts?.byAddress ?? 0) >= maxPerAddress()) {
    throw new AppError("rate_limited", `登录失败次数过多，请 ${WINDOW_MINUTES} 分钟后再试`);
  }
  const user = await findUserByEmail(email);
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await getDummyHash()));
  const success = Boolean(user && ok && user.active);
  await db.transaction(async (tx) => {
    await tx.insert(loginAttempts).values({ email, ip, success });
    if (success) {
      await recordAudit(tx, { kind: "user", id: user!.id, role: user!.role, unitId: user!.unitId, name: user!.name, email }, {
        action: "auth.sign-in",
        targetType: "user",
        targetId: user!.id,
        ip,
      });
    }
  });
  if (!success) throw new AppError("unauthorized", "邮箱或密码不正确");
  return user!;
}
