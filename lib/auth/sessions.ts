// Browser sessions kept on the server (等保 身份鉴别 b, issue 21 item 4). The
// session cookie (a next-auth JWT) carries the session's id; each request
// checks the row: a session signed out or revoked, idle for longer than
// SESSION_IDLE_MINUTES (30), or older than SESSION_MAX_HOURS (12) is refused,
// so a copied cookie stops working the moment its session ends.
import { randomBytes } from "node:crypto";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db";
import { sessions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/audit";
import { anonymous } from "./permissions";

type Env = Record<string, string | undefined>;

/** SESSION_IDLE_MINUTES (30) and SESSION_MAX_HOURS (12); a bad value stops the server rather than weakening the limit. */
export function sessionLimits(env: Env = process.env): { idleMinutes: number; maxHours: number } {
  const read = (name: string, fallback: number, max: number) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`${name} must be a whole number from 1 to ${max}, not "${raw}"`);
    return n;
  };
  return { idleMinutes: read("SESSION_IDLE_MINUTES", 30, 24 * 60), maxHours: read("SESSION_MAX_HOURS", 12, 24 * 30) };
}

/** A request marks its session as used at most this often (one write per minute, not one per request). */
const TOUCH_EVERY_MS = 60_000;

/** Starts a session for a user who has just signed in; returns its id for the cookie. */
export async function startSession(userId: number, meta: { ip?: string; userAgent?: string; lastSeenAt?: Date } = {}, db?: Db | Tx): Promise<string> {
  const { maxHours } = sessionLimits();
  const id = randomBytes(32).toString("base64url");
  const handle = db ?? (await getDb());
  await handle.insert(sessions).values({
    id,
    userId,
    expiresAt: new Date(Date.now() + maxHours * 3_600_000),
    ...(meta.lastSeenAt ? { lastSeenAt: meta.lastSeenAt } : {}),
    ip: meta.ip?.slice(0, 100),
    userAgent: meta.userAgent?.slice(0, 300),
  });
  return id;
}

export type SessionCheck = { ok: true } | { ok: false; reason: "unknown" | "revoked" | "expired" | "idle" };

/** Whether the session `id` of `userId` is live now; a live one is marked as used (idle time starts again). */
export async function checkSession(id: string, userId: number): Promise<SessionCheck> {
  const { idleMinutes } = sessionLimits();
  const db = await getDb();
  const [row] = await db.select().from(sessions).where(and(eq(sessions.id, id), eq(sessions.userId, userId))).limit(1);
  if (!row) return { ok: false, reason: "unknown" };
  const now = Date.now();
  if (row.revokedAt) return { ok: false, reason: "revoked" };
  if (row.expiresAt.getTime() <= now) return { ok: false, reason: "expired" };
  if (row.lastSeenAt.getTime() + idleMinutes * 60_000 <= now) return { ok: false, reason: "idle" };
  if (row.lastSeenAt.getTime() + TOUCH_EVERY_MS <= now) {
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()` })
      .where(and(eq(sessions.id, id), isNull(sessions.revokedAt), lt(sessions.lastSeenAt, sql`now() - interval '1 minute'`)));
  }
  return { ok: true };
}

/** Signs a session out: it is refused from now on, wherever its cookie is. Audited as auth.sign-out. */
export async function endSession(id: string, userId: number): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const ended = await tx
      .update(sessions)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(sessions.id, id), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    if (ended.length) await recordAudit(tx, anonymous, { action: "auth.sign-out", targetType: "user", targetId: userId });
  });
}

/** Ends every session of a user (password change or reset, deactivation), inside the caller's transaction. */
export async function endUserSessionsInTx(tx: Db | Tx, userId: number): Promise<void> {
  await tx.update(sessions).set({ revokedAt: sql`now()` }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
