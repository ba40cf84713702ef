// Integration (issue 21, 等保 身份鉴别): sign-in security through the API route
// handlers themselves, on a fresh database (PGlite, or PostgreSQL with DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handlerFor } from "@/lib/api/registry";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, users } from "@/db/schema";
import { createUser } from "@/lib/users/users";
import { createUserWithOneTimePassword, getManagedUser, listManagedUsers, resetUserPassword, unlockUser } from "@/lib/users/manage";
import { systemViewer } from "./permissions";
import { createApiToken } from "./tokens";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db?.drop());

const system = systemViewer("test");

/** Calls the registered route `METHOD path` (OpenAPI form) at `url`; answers the status and JSON body. */
async function call(method: "GET" | "POST", path: string, init: { url?: string; body?: unknown; token?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost${init.url ?? path}`, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const response = await handlerFor(method, path)(request, { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string; fields?: Record<string, string[]> } } & Record<string, unknown> };
}

describe("one-time passwords are for changing only", () => {
  it("mint no token, reach no API, and are replaced through POST /api/v1/auth/password", async () => {
    const { user, password } = await createUserWithOneTimePassword(system, { email: "otp1@x.cn", name: "一次性", role: "editor" });

    const minted = await call("POST", "/api/v1/auth/token", { body: { email: user.email, password } });
    expect(minted).toMatchObject({ status: 403, body: { error: { code: "must_change_password" } } });

    // A token from before an administrator's reset is no way around it.
    const { token } = await createApiToken(system, user.id, "old");
    expect(await call("GET", "/api/v1/articles", { token })).toMatchObject({ status: 403, body: { error: { code: "must_change_password" } } });
    expect(await call("GET", "/api/v1/tokens", { token })).toMatchObject({ status: 403, body: { error: { code: "must_change_password" } } });

    const weak = await call("POST", "/api/v1/auth/password", { token, body: { currentPassword: password, newPassword: "short" } });
    expect(weak.status).toBe(422);
    expect(weak.body.error).toMatchObject({ rule: "length", fields: { newPassword: [expect.stringMatching(/8/)] } });
    for (const [newPassword, rule] of [
      ["abcdefgh1", "classes"],
      ["Password123", "common"],
      ["otp1-Secret-99", "personal"],
    ]) {
      const refused = await call("POST", "/api/v1/auth/password", { token, body: { currentPassword: password, newPassword } });
      expect(refused, newPassword).toMatchObject({ status: 422, body: { error: { code: "invalid", rule } } });
    }

    const wrong = await call("POST", "/api/v1/auth/password", { token, body: { currentPassword: "not-it", newPassword: "Another-Secret-42" } });
    expect(wrong).toMatchObject({ status: 422, body: { error: { fields: { currentPassword: expect.any(Array) } } } });

    const changed = await call("POST", "/api/v1/auth/password", { token, body: { currentPassword: password, newPassword: "Another-Secret-42" } });
    expect(changed).toMatchObject({ status: 200, body: { ok: true } });

    const now = await call("POST", "/api/v1/auth/token", { body: { email: user.email, password: "Another-Secret-42" } });
    expect(now.status).toBe(200);
    expect(await call("GET", "/api/v1/articles", { token: now.body.token as string })).toMatchObject({ status: 200 });
  });

  it("a reset password is one-time again", async () => {
    const { user } = await createUserWithOneTimePassword(system, { email: "otp2@x.cn", name: "重置", role: "editor" });
    const { password } = await resetUserPassword(system, user.id);
    expect(await call("POST", "/api/v1/auth/token", { body: { email: user.email, password } })).toMatchObject({
      status: 403,
      body: { error: { code: "must_change_password" } },
    });
  });
});

describe("failure handling", () => {
  const token = (email: string, password: string, address: string, userAgent = "probe/1.0") =>
    call("POST", "/api/v1/auth/token", {
      body: { email, password },
      headers: { "x-cms-socket-address": address, "x-forwarded-for": "203.0.113.250", "user-agent": userAgent },
    });

  it("locks the account after five failures: the sixth try answers 429 locked from a new address, until an admin unlocks it", async () => {
    const user = await createUser(system, { email: "lock1@x.cn", name: "锁定", role: "editor", password: "Right-Password-1" });
    for (let i = 0; i < 5; i++) expect((await token(user.email, "wrong", `10.9.0.${i}`)).status).toBe(401);
    const locked = await token(user.email, "Right-Password-1", "10.9.1.1");
    expect(locked).toMatchObject({ status: 429, body: { error: { code: "locked" } } });

    expect(await getManagedUser(system, user.id)).toMatchObject({ locked: true });
    const list = await listManagedUsers(system, { q: "lock1" });
    expect(list.users[0]).toMatchObject({ email: "lock1@x.cn", locked: true });

    expect(await unlockUser(system, user.id)).toMatchObject({ locked: false });
    expect((await token(user.email, "Right-Password-1", "10.9.1.1")).status).toBe(200);
  });

  it("keeps rate_limited for an address over its limit, and ignores a forged X-Forwarded-For", async () => {
    const before = process.env.LOGIN_MAX_PER_ADDRESS;
    process.env.LOGIN_MAX_PER_ADDRESS = "3";
    try {
      for (let i = 0; i < 3; i++) expect((await token(`nobody${i}@x.cn`, "x", "10.8.0.1")).status).toBe(401);
      // The forged header names another address each time; the socket's is the one counted.
      expect(await token("nobody9@x.cn", "x", "10.8.0.1")).toMatchObject({ status: 429, body: { error: { code: "rate_limited" } } });
      expect((await token("nobody9@x.cn", "x", "10.8.0.2")).status).toBe(401);
    } finally {
      if (before === undefined) delete process.env.LOGIN_MAX_PER_ADDRESS;
      else process.env.LOGIN_MAX_PER_ADDRESS = before;
    }
  });

  it("puts every failed sign-in in the audit log with the address and the user agent", async () => {
    await createUser(system, { email: "audit1@x.cn", name: "审计", role: "editor", password: "Right-Password-1" });
    await token("audit1@x.cn", "wrong", "10.7.0.1", "Mozilla/5.0 probe");
    await token("ghost@x.cn", "wrong", "10.7.0.2", "curl/8");
    const db = await getDb();
    const rows = await db.select().from(auditLog).where(eq(auditLog.action, "auth.sign-in-failed"));
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ip: "10.7.0.1", details: expect.objectContaining({ email: "audit1@x.cn", reason: "wrong_password", userAgent: "Mozilla/5.0 probe" }) }),
        expect.objectContaining({ ip: "10.7.0.2", details: expect.objectContaining({ email: "ghost@x.cn", reason: "unknown_account", userAgent: "curl/8" }) }),
      ]),
    );
    const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, "audit1@x.cn"));
    expect(rows.find((r) => r.ip === "10.7.0.1")?.targetId).toBe(String(u!.id));
  });
});
