// Integration (issue 21 item 4, 等保 身份鉴别 b): server-side sessions end on
// sign-out, after the idle timeout, at the absolute lifetime, and with a
// password reset or a deactivation — on PGlite and PostgreSQL.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, sessions } from "@/db/schema";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { createUser, findUserByEmail } from "@/lib/users/users";
import { resetUserPassword, updateManagedUser } from "@/lib/users/manage";
import { systemViewer } from "./permissions";
import { checkSession, endSession, sessionLimits, startSession } from "./sessions";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb?.drop());

const system = systemViewer("test");
let n = 0;
async function newUser() {
  const email = `s${++n}-${Date.now()}@x.cn`;
  await createUser(system, { email, name: `会话${n}`, role: "editor", password: "Session-Test-2026" });
  return (await findUserByEmail(email))!;
}
const age = async (id: string, set: { lastSeenMinutes?: number; expiresInMinutes?: number }) => {
  const db = await getDb();
  if (set.lastSeenMinutes !== undefined) await db.update(sessions).set({ lastSeenAt: sql`now() - make_interval(mins => ${set.lastSeenMinutes})` }).where(eq(sessions.id, id));
  if (set.expiresInMinutes !== undefined) await db.update(sessions).set({ expiresAt: sql`now() + make_interval(mins => ${set.expiresInMinutes})` }).where(eq(sessions.id, id));
};

describe("sessions", () => {
  it("has 30 minutes idle and 12 hours absolute by default, and refuses a bad setting", () => {
    expect(sessionLimits({})).toEqual({ idleMinutes: 30, maxHours: 12 });
    expect(sessionLimits({ SESSION_IDLE_MINUTES: "10", SESSION_MAX_HOURS: "8" })).toEqual({ idleMinutes: 10, maxHours: 8 });
    for (const bad of ["0", "x", "1.5"]) expect(() => sessionLimits({ SESSION_IDLE_MINUTES: bad })).toThrow(/SESSION_IDLE_MINUTES/);
  });

  it("is live until signed out, and only for its own user; sign-out is audited", async () => {
    const user = await newUser();
    const other = await newUser();
    const sid = await startSession(user.id, { ip: "198.51.100.1", userAgent: "test" });
    expect(await checkSession(sid, user.id)).toEqual({ ok: true });
    expect(await checkSession(sid, other.id)).toEqual({ ok: false, reason: "unknown" });
    expect(await checkSession("made-up", user.id)).toEqual({ ok: false, reason: "unknown" });
    const second = await startSession(user.id);
    await endSession(sid, user.id);
    expect(await checkSession(sid, user.id)).toEqual({ ok: false, reason: "revoked" });
    // Another device's session of the same user goes on.
    expect(await checkSession(second, user.id)).toEqual({ ok: true });
    const db = await getDb();
    const out = await db.select().from(auditLog).where(eq(auditLog.action, "auth.sign-out"));
    expect(out.filter((e) => e.targetId === String(user.id))).toHaveLength(1);
  });

  it("ends after the idle timeout, and a request before it starts the idle time again", async () => {
    const user = await newUser();
    const sid = await startSession(user.id);
    await age(sid, { lastSeenMinutes: 29 });
    expect(await checkSession(sid, user.id)).toEqual({ ok: true });
    // That request marked it as used: 29 more minutes are fine.
    const db = await getDb();
    const [row] = await db.select().from(sessions).where(eq(sessions.id, sid));
    expect(Date.now() - row!.lastSeenAt.getTime()).toBeLessThan(60_000);
    await age(sid, { lastSeenMinutes: 31 });
    expect(await checkSession(sid, user.id)).toEqual({ ok: false, reason: "idle" });
  });

  it("ends at its absolute lifetime however busy it is", async () => {
    const user = await newUser();
    const sid = await startSession(user.id);
    const db = await getDb();
    const [row] = await db.select().from(sessions).where(eq(sessions.id, sid));
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeGreaterThan(12 * 3_600_000 - 60_000);
    await age(sid, { expiresInMinutes: -1 });
    expect(await checkSession(sid, user.id)).toEqual({ ok: false, reason: "expired" });
  });

  it("ends every session of a user whose password is reset or who is deactivated", async () => {
    const reset = await newUser();
    const a = await startSession(reset.id);
    const b = await startSession(reset.id);
    await resetUserPassword(system, reset.id);
    expect(await checkSession(a, reset.id)).toEqual({ ok: false, reason: "revoked" });
    expect(await checkSession(b, reset.id)).toEqual({ ok: false, reason: "revoked" });

    const gone = await newUser();
    const c = await startSession(gone.id);
    await updateManagedUser(system, gone.id, { active: false });
    expect(await checkSession(c, gone.id)).toEqual({ ok: false, reason: "revoked" });
  });
});
