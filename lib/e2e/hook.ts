// End-to-end tests create their users directly through this hook, which
// exists only when the server was started with CMS_E2E_HOOK_TOKEN (never in
// production): with embedded PGlite the server is the only process that may
// open the database, so tests cannot write to it themselves.
import { timingSafeEqual } from "node:crypto";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { ROLES, users } from "@/db/schema";
import { systemViewer } from "@/lib/auth/permissions";
import { startSession } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/users/passwords";
import { createUser, findUserByEmail } from "@/lib/users/users";

export function e2eHookEnabled(request: Request): boolean {
  const expected = process.env.CMS_E2E_HOOK_TOKEN;
  const given = request.headers.get("x-e2e-token");
  if (!expected || expected.length < 16 || !given || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

export const e2eUserSchema = z.object({
  role: z.enum(ROLES),
  unit: z.string().optional(),
  password: z.string().min(8).optional(),
  /** The test session's last request this many minutes ago (to test the idle timeout). */
  idleMinutes: z.number().int().min(0).max(10_000).optional(),
  /** The password set this many days ago (to test the password expiry). */
  passwordAgeDays: z.number().int().min(0).max(10_000).optional(),
});

/**
 * The password of test accounts created without one: one per server process,
 * hashed once. bcrypt (cost 10, in JavaScript) took ≈ 90 ms of the server's
 * one thread per account — 9 % of its busy time in a profile of four desk specs.
 */
const SHARED_PASSWORD = `pw-${randomBytes(8).toString("hex")}`;
let sharedHash: Promise<string> | undefined;
const hashOnce = (password: string) => (password === SHARED_PASSWORD ? (sharedHash ??= hashPassword(password)) : hashPassword(password));

export async function createE2eUser(input: z.infer<typeof e2eUserSchema>) {
  const email = `e2e-${input.role}-${Date.now()}-${randomBytes(3).toString("hex")}@test.local`;
  const password = input.password ?? SHARED_PASSWORD;
  const unit = input.role === "contributor" ? (input.unit ?? "聊城市扶贫办") : undefined;
  await createUser(systemViewer("e2e"), { email, name: `测试${input.role}`, role: input.role, unit, password }, { hash: hashOnce });
  const user = await findUserByEmail(email);
  if (!user) throw new AppError("internal", "common.internal");
  if (input.passwordAgeDays) {
    const db = await getDb();
    await db.update(users).set({ passwordChangedAt: new Date(Date.now() - input.passwordAgeDays * 86_400_000) }).where(eq(users.id, user.id));
  }
  // A server session for the cookie the test mints (e2e/fixtures.ts sessionCookieFor).
  const sid = await startSession(user.id, { ip: "e2e", userAgent: "e2e", lastSeenAt: input.idleMinutes ? new Date(Date.now() - input.idleMinutes * 60_000) : undefined });
  return { id: user.id, email, password, role: user.role, unitId: user.unitId, name: user.name, sid };
}
