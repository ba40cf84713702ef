// Browser sessions kept on the server (等保 身份鉴别 b, issue 21 item 4). The
// session cookie (a next-auth JWT) carries the session's id; each request
// checks the row: a session signed out or revoked, idle for longer than
// SESSION_IDLE_MINUTES (30), or older than SESSION_MAX_HOURS (12) is refused,
// so a copied cookie stops working the moment its session ends. A user sees
// their own live sessions and signs out the others (本人会话, the account page).
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, lt, ne, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db";
import { sessions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/audit";
import { AppError } from "@/lib/errors";
import { anonymous, authorize, type Viewer } from "./permissions";

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

// —— One's own sessions (本人会话) ——
// The session id is the secret inside the cookie: it never leaves the server.
// The page names a session by a handle derived from it instead.

/** The public name of a session: a hash of its id, useless as a credential. */
export const sessionHandle = (id: string): string => createHash("sha256").update(id).digest("base64url").slice(0, 22);

export interface OwnSession {
  handle: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
  /** The session of the asking browser (本设备). */
  current: boolean;
}

/** The signed-in user of a session viewer, or 401/403; `manage:session:own` is every signed-in role's. */
function sessionOwner(viewer: Viewer): Extract<Viewer, { kind: "user" }> {
  authorize(viewer, "manage:session:own");
  if (viewer.kind !== "user") throw new AppError("unauthorized", "common.signInFirst");
  return viewer;
}

/** A live session: not signed out, inside its lifetime and not idle for too long. */
function liveSessionsOf(userId: number) {
  const { idleMinutes } = sessionLimits();
  return and(
    eq(sessions.userId, userId),
    isNull(sessions.revokedAt),
    gt(sessions.expiresAt, sql`now()`),
    gt(sessions.lastSeenAt, sql`now() - make_interval(mins => ${idleMinutes})`),
  );
}

/** The viewer's own live sessions, most recently used first; only ever their own (the user is in the WHERE clause). */
export async function listOwnSessions(viewer: Viewer): Promise<OwnSession[]> {
  const me = sessionOwner(viewer);
  const db = await getDb();
  const rows = await db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, ip: sessions.ip, userAgent: sessions.userAgent })
    .from(sessions)
    .where(liveSessionsOf(me.id))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt))
    .limit(200);
  return rows.map(({ id, ...row }) => ({ ...row, handle: sessionHandle(id), current: id === me.sessionId }));
}

/**
 * Signs out one of the viewer's other sessions, named by its handle: its cookie
 * is refused from the next request on. Another user's session, or one already
 * ended, is "not found"; the viewer's own current session is signed out with
 * the sign-out button instead. Audited as auth.session-revoke.
 */
export async function endOwnSession(viewer: Viewer, handle: string, meta: { ip?: string } = {}): Promise<{ ok: true }> {
  const me = sessionOwner(viewer);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const live = await tx.select({ id: sessions.id, ip: sessions.ip, userAgent: sessions.userAgent }).from(sessions).where(liveSessionsOf(me.id)).limit(200);
    const target = live.find((s) => sessionHandle(s.id) === handle);
    if (!target) throw new AppError("not_found", "session.notFound");
    if (target.id === me.sessionId) throw new AppError("conflict", "session.isCurrent");
    const ended = await tx
      .update(sessions)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(sessions.id, target.id), eq(sessions.userId, me.id), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    if (!ended.length) throw new AppError("not_found", "session.notFound");
    await recordAudit(tx, me, {
      action: "auth.session-revoke",
      targetType: "user",
      targetId: me.id,
      ip: meta.ip,
      details: { session: handle, sessionIp: target.ip ?? "", sessionUserAgent: target.userAgent ?? "" },
    });
  });
  return { ok: true };
}

/** Signs out every session of the viewer but the current one (退出其他设备). Audited as auth.session-revoke-others with the count. */
export async function endOtherOwnSessions(viewer: Viewer, meta: { ip?: string } = {}): Promise<{ ok: true; ended: number }> {
  const me = sessionOwner(viewer);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ended = await tx
      .update(sessions)
      .set({ revokedAt: sql`now()` })
      .where(and(liveSessionsOf(me.id), me.sessionId ? ne(sessions.id, me.sessionId) : undefined))
      .returning({ id: sessions.id });
    if (ended.length) {
      await recordAudit(tx, me, { action: "auth.session-revoke-others", targetType: "user", targetId: me.id, ip: meta.ip, details: { ended: ended.length } });
    }
    return { ok: true as const, ended: ended.length };
  });
}
