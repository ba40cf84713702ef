// Integration (issue 21, 等保 身份鉴别 b / 访问控制): a user sees their own live
// sessions and signs out another one or all the others; never anyone else's.
// A signed-out session's cookie is refused from the next request on.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, sessions, type Role } from "@/db/schema";
import { inRequest, sessionCookie } from "@/testing/next-request";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { createUser } from "@/lib/users/users";
import { anonymous, systemViewer, type Viewer } from "./permissions";
import { checkSession, endOtherOwnSessions, endOwnSession, listOwnSessions, sessionHandle, startSession } from "./sessions";
import { createApiToken } from "./tokens";
import { getSessionViewer } from "./viewer";
import { handlerFor } from "@/lib/api/registry";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb?.drop());

const system = systemViewer("test");
let n = 0;
const newUser = () => createUser(system, { email: `own${++n}@x.cn`, name: `本人${n}`, role: "editor", password: "Own-Sessions-2026" });
/** The viewer of a request that came with session `sid`, as getSessionViewer makes it. */
const viewerOf = (user: { id: number; role: Role; name: string; email: string }, sid?: string): Extract<Viewer, { kind: "user" }> => ({
  kind: "user",
  id: user.id,
  role: user.role,
  unitId: null,
  name: user.name,
  email: user.email,
  sessionId: sid,
});
const UA = {
  chrome: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  iphone: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
};
const auditOf = async (action: "auth.session-revoke" | "auth.session-revoke-others", userId: number) =>
  (await getDb()).select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.targetId, String(userId))));

describe("one's own sessions", () => {
  it("lists only the viewer's live sessions, marks this one, and never shows a session id", async () => {
    const me = await newUser();
    const other = await newUser();
    const here = await startSession(me.id, { ip: "198.51.100.1", userAgent: UA.chrome });
    const phone = await startSession(me.id, { ip: "198.51.100.2", userAgent: UA.iphone });
    const idle = await startSession(me.id, { ip: "198.51.100.3", lastSeenAt: new Date(Date.now() - 31 * 60_000) });
    const ended = await startSession(me.id, { ip: "198.51.100.4" });
    await (await getDb()).update(sessions).set({ revokedAt: sql`now()` }).where(eq(sessions.id, ended));
    await startSession(other.id, { ip: "203.0.113.9" });

    const list = await listOwnSessions(viewerOf(me, here));
    expect(list.map((s) => s.ip).sort()).toEqual(["198.51.100.1", "198.51.100.2"]);
    expect(list.find((s) => s.current)).toMatchObject({ ip: "198.51.100.1", userAgent: UA.chrome, handle: sessionHandle(here) });
    expect(list.filter((s) => s.current)).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(here);
    expect(JSON.stringify(list)).not.toContain(phone);
    expect(JSON.stringify(list)).not.toContain(idle);
    // Only the signed-in, and each only their own.
    await expect(listOwnSessions(anonymous)).rejects.toMatchObject({ code: "unauthorized" });
    expect((await listOwnSessions(viewerOf(other))).map((s) => s.ip)).toEqual(["203.0.113.9"]);
  });

  it("signs out another of one's own sessions: its cookie is refused on the next request, and it is audited", async () => {
    const me = await newUser();
    const here = await startSession(me.id, { ip: "198.51.100.10", userAgent: UA.chrome });
    const phone = await startSession(me.id, { ip: "198.51.100.11", userAgent: UA.iphone });
    const phoneCookie = { cookie: await sessionCookie(me.id, phone) };
    expect(await inRequest(getSessionViewer, { headers: phoneCookie })).toMatchObject({ kind: "user", id: me.id, sessionId: phone });

    await endOwnSession(viewerOf(me, here), sessionHandle(phone), { ip: "198.51.100.10" });
    expect(await checkSession(phone, me.id)).toEqual({ ok: false, reason: "revoked" });
    expect(await inRequest(getSessionViewer, { headers: phoneCookie })).toEqual(anonymous);
    expect(await checkSession(here, me.id)).toEqual({ ok: true });
    expect(await auditOf("auth.session-revoke", me.id)).toEqual([
      expect.objectContaining({ actorId: me.id, ip: "198.51.100.10", details: { session: sessionHandle(phone), sessionIp: "198.51.100.11", sessionUserAgent: UA.iphone } }),
    ]);
    // Gone from the list; again is "not found".
    expect((await listOwnSessions(viewerOf(me, here))).map((s) => s.ip)).toEqual(["198.51.100.10"]);
    await expect(endOwnSession(viewerOf(me, here), sessionHandle(phone))).rejects.toMatchObject({ code: "not_found" });
  });

  it("never reaches another user's session, by its handle or its id; this session is signed out with the sign-out button", async () => {
    const me = await newUser();
    const victim = await newUser();
    const here = await startSession(me.id);
    const theirs = await startSession(victim.id);
    await expect(endOwnSession(viewerOf(me, here), sessionHandle(theirs))).rejects.toMatchObject({ code: "not_found" });
    await expect(endOwnSession(viewerOf(me, here), theirs)).rejects.toMatchObject({ code: "not_found" });
    await expect(endOwnSession(anonymous, sessionHandle(theirs))).rejects.toMatchObject({ code: "unauthorized" });
    await expect(endOwnSession(viewerOf(me, here), sessionHandle(here))).rejects.toMatchObject({ code: "conflict" });
    expect(await checkSession(theirs, victim.id)).toEqual({ ok: true });
    expect(await checkSession(here, me.id)).toEqual({ ok: true });
    // 退出其他设备 ends the viewer's own others only.
    expect(await endOtherOwnSessions(viewerOf(me, here))).toEqual({ ok: true, ended: 0 });
    expect(await checkSession(theirs, victim.id)).toEqual({ ok: true });
    expect(await auditOf("auth.session-revoke", victim.id)).toEqual([]);
  });

  it("signs out every other session at once (退出其他设备), keeping this one; audited with the count", async () => {
    const me = await newUser();
    const here = await startSession(me.id);
    const others = await Promise.all([startSession(me.id), startSession(me.id), startSession(me.id)]);
    expect(await endOtherOwnSessions(viewerOf(me, here), { ip: "198.51.100.20" })).toEqual({ ok: true, ended: 3 });
    for (const sid of others) expect(await checkSession(sid, me.id)).toEqual({ ok: false, reason: "revoked" });
    expect(await checkSession(here, me.id)).toEqual({ ok: true });
    expect(await listOwnSessions(viewerOf(me, here))).toEqual([expect.objectContaining({ current: true })]);
    expect(await auditOf("auth.session-revoke-others", me.id)).toEqual([expect.objectContaining({ actorId: me.id, ip: "198.51.100.20", details: { ended: 3 } })]);
  });
});

describe("one's own sessions over the API", () => {
  it("lists them with a readable device, and signs out one by its id; another user's is not found", async () => {
    const me = await newUser();
    const victim = await newUser();
    const phone = await startSession(me.id, { ip: "198.51.100.30", userAgent: UA.iphone });
    const theirs = await startSession(victim.id);
    const { token } = await createApiToken(system, me.id, "sessions");
    /** The route `template` (OpenAPI form) called for session `id`, if any. */
    const call = (method: "GET" | "DELETE", template: string, id?: string) =>
      handlerFor(method, template)(
        new Request(`http://localhost${template.replace("{id}", id ?? "")}`, { method, headers: { authorization: `Bearer ${token}`, "x-cms-socket-address": "198.51.100.31" } }),
        { params: Promise.resolve<Record<string, string>>(id ? { id } : {}) },
      );
    const list = await call("GET", "/api/v1/auth/sessions");
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual({
      sessions: [{ id: sessionHandle(phone), createdAt: expect.any(String), lastSeenAt: expect.any(String), ip: "198.51.100.30", userAgent: UA.iphone, device: "Safari 17 · iOS 17", current: false }],
    });
    expect((await call("DELETE", "/api/v1/auth/sessions/{id}", sessionHandle(theirs))).status).toBe(404);
    expect(await checkSession(theirs, victim.id)).toEqual({ ok: true });
    const ended = await call("DELETE", "/api/v1/auth/sessions/{id}", sessionHandle(phone));
    expect(ended.status).toBe(200);
    expect(await checkSession(phone, me.id)).toEqual({ ok: false, reason: "revoked" });
    expect(await auditOf("auth.session-revoke", me.id)).toEqual([expect.objectContaining({ ip: "198.51.100.31" })]);
  });
});
