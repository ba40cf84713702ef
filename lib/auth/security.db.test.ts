// Integration (issue 21, 等保 身份鉴别): sign-in security through the API route
// handlers themselves, on a fresh database (PGlite, or PostgreSQL with DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handlerFor } from "@/lib/api/registry";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { apiTokens, auditLog, users } from "@/db/schema";
import { createUser } from "@/lib/users/users";
import { createUserWithOneTimePassword, getManagedUser, listManagedUsers, resetUserPassword, unlockUser } from "@/lib/users/manage";
import { systemViewer } from "./permissions";
import * as OTPAuth from "otpauth";
import { createApiToken } from "./tokens";
import { invalidInput } from "@/lib/errors";
import { securityPolicySchema, setSecurityPolicy } from "./two-factor";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db?.drop());

const system = systemViewer("test");

/** Calls the registered route `METHOD path` (OpenAPI form) at `url`; answers the status and JSON body. */
async function call(method: "GET" | "POST" | "PUT", path: string, init: { url?: string; body?: unknown; token?: string; headers?: Record<string, string> } = {}) {
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

  it("a reset password is one-time again, and the reset ends the user's tokens", async () => {
    const { user } = await createUserWithOneTimePassword(system, { email: "otp2@x.cn", name: "重置", role: "editor" });
    await (await getDb()).update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
    const { token } = await createApiToken(system, user.id, "before the reset");
    expect((await call("GET", "/api/v1/articles", { token })).status).toBe(200);
    const { password } = await resetUserPassword(system, user.id);
    expect((await call("GET", "/api/v1/articles", { token })).status).toBe(401);
    expect((await getDb().then((db) => db.select({ at: users.sessionsRevokedAt }).from(users).where(eq(users.id, user.id))))[0]?.at).toBeInstanceOf(Date);
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

describe("two-factor sign-in (TOTP)", () => {
  const codeFor = (secret: string, at = Date.now()) => OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30, timestamp: at });

  it("enrols with a code computed from the secret; then no token without a valid code; recovery codes work once", async () => {
    const user = await createUser(system, { email: "totp1@x.cn", name: "两步", role: "editor", password: "Right-Password-1" });
    const login = (otp?: string) => call("POST", "/api/v1/auth/token", { body: { email: user.email, password: "Right-Password-1", ...(otp ? { otp } : {}) } });
    const { token } = (await login()).body as { token: string };

    const setup = await call("POST", "/api/v1/auth/2fa/setup", { token });
    expect(setup.status).toBe(200);
    const { secret, otpauthUrl } = setup.body as { secret: string; otpauthUrl: string };
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/.*secret=[A-Z2-7]+.*algorithm=SHA1.*digits=6.*period=30/);

    expect(await call("POST", "/api/v1/auth/2fa/enable", { token, body: { code: "000000" === codeFor(secret) ? "111111" : "000000" } })).toMatchObject({ status: 422 });
    const enabled = await call("POST", "/api/v1/auth/2fa/enable", { token, body: { code: codeFor(secret) } });
    expect(enabled).toMatchObject({ status: 200, body: { ok: true } });
    const recoveryCodes = enabled.body.recoveryCodes as string[];
    expect(recoveryCodes).toHaveLength(10);

    expect(await login()).toMatchObject({ status: 401, body: { error: { code: "otp_required" } } });
    const wrong = String((Number(codeFor(secret)) + 500_000) % 1_000_000).padStart(6, "0");
    expect(await login(wrong)).toMatchObject({ status: 401, body: { error: { code: "otp_required" } } });
    // The enrolment code is spent (lib/auth/two-factor.db.test.ts): the next step's code, within the ±1 window.
    expect((await login(codeFor(secret, Date.now() + 30_000))).status).toBe(200);
    expect((await login(recoveryCodes[0])).status).toBe(200);
    expect(await login(recoveryCodes[0])).toMatchObject({ status: 401, body: { error: { code: "otp_required" } } });
  });

  it("is required per role by the policy: an unenrolled account gets no token and reaches only the enrolment", async () => {
    const user = await createUser(system, { email: "totp2@x.cn", name: "签发", role: "admin", password: "Right-Password-2" });
    const { token } = await createApiToken(system, user.id, "before the policy");
    expect((await call("GET", "/api/v1/security/policy", { token })).body).toEqual({ twoFactorRoles: [], passwordMaxAgeDays: null, version: 0 });
    expect((await call("PUT", "/api/v1/security/policy", { token, body: { twoFactorRoles: ["admin"] } })).status).toBe(200);
    try {
      expect(await call("POST", "/api/v1/auth/token", { body: { email: user.email, password: "Right-Password-2" } })).toMatchObject({
        status: 401,
        body: { error: { code: "otp_required" } },
      });
      expect(await call("GET", "/api/v1/users", { token })).toMatchObject({ status: 403, body: { error: { code: "two_factor_required" } } });
      // Editors are not covered by this policy: the demo's API stays usable.
      const editor = await createUser(system, { email: "totp3@x.cn", name: "编辑", role: "editor", password: "Right-Password-3" });
      expect((await call("POST", "/api/v1/auth/token", { body: { email: editor.email, password: "Right-Password-3" } })).status).toBe(200);

      const { secret } = (await call("POST", "/api/v1/auth/2fa/setup", { token })).body as { secret: string };
      expect((await call("POST", "/api/v1/auth/2fa/enable", { token, body: { code: codeFor(secret) } })).status).toBe(200);
      expect((await call("GET", "/api/v1/users", { token })).status).toBe(200);
    } finally {
      await setSecurityPolicy(system, { twoFactorRoles: [] });
    }
  });
});

describe("API tokens", () => {
  it("expire (a year by default), can be read-only, and record their last use", async () => {
    const user = await createUser(system, { email: "tok9@x.cn", name: "令牌", role: "editor", password: "Right-Password-9" });
    const viewer = { kind: "user" as const, id: user.id, role: "editor" as const, unitId: null, name: user.name, email: user.email };
    const normal = await createApiToken(viewer, user.id, "default");
    const days = (Date.parse(normal.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(364);
    expect(days).toBeLessThan(366);

    const read = await call("POST", "/api/v1/tokens", { token: normal.token, body: { name: "read only", scope: "read", expiresInDays: 7 } });
    expect(read).toMatchObject({ status: 201, body: { scope: "read" } });
    const readToken = read.body.token as string;
    expect((await call("GET", "/api/v1/articles", { token: readToken })).status).toBe(200);
    expect(await call("POST", "/api/v1/tokens", { token: readToken, body: { name: "x" } })).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });

    const { tokens } = (await call("GET", "/api/v1/tokens", { token: normal.token })).body as { tokens: { name: string; lastUsedAt: string | null; expiresAt: string; scope: string }[] };
    expect(tokens.find((t) => t.name === "read only")).toMatchObject({ scope: "read", lastUsedAt: expect.any(String) });

    const db = await getDb();
    await db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.name, "read only"));
    expect((await call("GET", "/api/v1/articles", { token: readToken })).status).toBe(401);
  });
});

describe("password expiry", () => {
  it("is off by default; with a maximum age an older password mints no token and reaches no API until it is changed", async () => {
    const user = await createUser(system, { email: "exp1@x.cn", name: "过期", role: "editor", password: "Aging-Password-1" });
    const db = await getDb();
    await db.update(users).set({ passwordChangedAt: new Date(Date.now() - 100 * 86_400_000) }).where(eq(users.id, user.id));
    const { token } = await createApiToken(system, user.id, "before");
    // No expiry in the policy: a 100-day-old password is fine.
    expect((await call("POST", "/api/v1/auth/token", { body: { email: user.email, password: "Aging-Password-1" } })).status).toBe(200);

    const bad = await call("PUT", "/api/v1/security/policy", { token, body: { twoFactorRoles: [], passwordMaxAgeDays: 0 } });
    expect(bad.status).toBe(403); // an editor sets no policy
    // A lifetime of 0 days is refused by the schema the route and the form parse with, naming the field.
    expect(invalidInput(securityPolicySchema.safeParse({ twoFactorRoles: [], passwordMaxAgeDays: 0 }).error!, "security.policyInvalid")).toMatchObject({ code: "invalid", fields: { passwordMaxAgeDays: [expect.any(String)] } });
    expect(await setSecurityPolicy(system, { twoFactorRoles: [], passwordMaxAgeDays: 90 })).toMatchObject({ twoFactorRoles: [], passwordMaxAgeDays: 90 });
    try {
      // Setting the roles alone keeps the expiry.
      expect(await setSecurityPolicy(system, { twoFactorRoles: [] })).toMatchObject({ passwordMaxAgeDays: 90 });
      expect(await call("POST", "/api/v1/auth/token", { body: { email: user.email, password: "Aging-Password-1" } })).toMatchObject({ status: 403, body: { error: { code: "must_change_password" } } });
      expect(await call("GET", "/api/v1/articles", { token })).toMatchObject({ status: 403, body: { error: { code: "must_change_password" } } });
      const changed = await call("POST", "/api/v1/auth/password", { token, body: { currentPassword: "Aging-Password-1", newPassword: "Fresh-Password-2" } });
      expect(changed.status).toBe(200);
      expect((await call("POST", "/api/v1/auth/token", { body: { email: user.email, password: "Fresh-Password-2" } })).status).toBe(200);
    } finally {
      await setSecurityPolicy(system, { twoFactorRoles: [], passwordMaxAgeDays: null });
    }
  });
});
