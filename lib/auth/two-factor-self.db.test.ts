// Integration (issue 21, 等保 身份鉴别 d): a user turns their own two-factor
// off, or makes new recovery codes, only with the password and a current code
// (or a recovery code) — and cannot turn it off when the policy requires it
// for their role. Audited. Codes are computed from the secret.
import { and, eq } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, users, type Role } from "@/db/schema";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { createUser } from "@/lib/users/users";
import { handlerFor } from "@/lib/api/registry";
import { anonymous, systemViewer, type Viewer } from "./permissions";
import { createApiToken } from "./tokens";
import { invalidInput } from "@/lib/errors";
import { checkSecondFactor, disableOwnTwoFactor, enableTwoFactor, reauthenticationSchema, regenerateRecoveryCodes, setSecurityPolicy, setupTwoFactor } from "./two-factor";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb?.drop());

const system = systemViewer("test");
const PASSWORD = "Own-Factor-2026";
const STEP = 30_000;
const codeAt = (secret: string, step: number) => OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30, timestamp: step * STEP });
const rowOf = async (id: number) => (await (await getDb()).select().from(users).where(eq(users.id, id)))[0]!;

/** A user with two-factor on; `next()` is a code not yet spent (inside the ±1-step window). */
async function enrolled(email: string, role: Role = "editor") {
  const user = await createUser(system, { email, name: email.split("@")[0]!, role, password: PASSWORD });
  const me: Extract<Viewer, { kind: "user" }> = { kind: "user", id: user.id, role, unitId: null, name: user.name, email: user.email };
  const { secret } = await setupTwoFactor(me);
  const now = Math.floor(Date.now() / STEP);
  const { recoveryCodes } = await enableTwoFactor(me, codeAt(secret, now));
  return { me, secret, recoveryCodes, next: () => codeAt(secret, now + 1) };
}
const auditOf = async (action: "user.2fa-disable" | "user.2fa-recovery-codes", userId: number) =>
  (await getDb()).select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.targetId, String(userId))));

describe("turning one's own two-factor off", () => {
  it("takes the password and a current code; a wrong one of either changes nothing", async () => {
    const { me, next } = await enrolled("self-off@x.cn");
    // A missing field is refused by the schema the route and the form parse with, naming it.
    const unfit = (body: unknown) => invalidInput(reauthenticationSchema.safeParse(body).error!, "twoFactor.reauthInvalid");
    expect(unfit({})).toMatchObject({ code: "invalid", fields: { password: [expect.any(String)], code: [expect.any(String)] } });
    expect(unfit({ password: PASSWORD })).toMatchObject({ code: "invalid", fields: { code: [expect.any(String)] } });
    await expect(disableOwnTwoFactor(me, { password: "Wrong-Password-1", code: next() })).rejects.toMatchObject({ code: "invalid", fields: { password: ["密码不正确"] } });
    await expect(disableOwnTwoFactor(me, { password: PASSWORD, code: "000000" })).rejects.toMatchObject({ code: "invalid", fields: { code: [expect.any(String)] } });
    await expect(disableOwnTwoFactor(anonymous, { password: PASSWORD, code: next() })).rejects.toMatchObject({ code: "unauthorized" });
    await expect(disableOwnTwoFactor({ ...me, mustChangePassword: true }, { password: PASSWORD, code: next() })).rejects.toMatchObject({ code: "must_change_password" });
    expect((await rowOf(me.id)).totpEnabledAt).not.toBeNull();
    expect(await auditOf("user.2fa-disable", me.id)).toEqual([]);

    // The wrong password spent nothing: the same code still turns it off.
    expect(await disableOwnTwoFactor(me, { password: PASSWORD, code: next() })).toEqual({ ok: true });
    const after = await rowOf(me.id);
    expect(after).toMatchObject({ totpEnabledAt: null, totpSecret: null, totpLastStep: null, recoveryCodeHashes: null });
    expect(await auditOf("user.2fa-disable", me.id)).toEqual([expect.objectContaining({ actorId: me.id, details: { self: true } })]);
    // Off already: nothing to turn off.
    await expect(disableOwnTwoFactor(me, { password: PASSWORD, code: next() })).rejects.toMatchObject({ code: "conflict" });
  });

  it("takes a recovery code instead of a code, and spends it", async () => {
    const { me, recoveryCodes } = await enrolled("self-off-recovery@x.cn");
    expect(await disableOwnTwoFactor(me, { password: PASSWORD, code: recoveryCodes[0]!.toUpperCase() })).toEqual({ ok: true });
    expect((await rowOf(me.id)).totpEnabledAt).toBeNull();
  });

  it("is refused with 403 when the security policy requires two-factor for the role, whatever is typed", async () => {
    const { me, next } = await enrolled("self-off-policy@x.cn", "signer");
    await setSecurityPolicy(system, { twoFactorRoles: ["signer"] });
    try {
      await expect(disableOwnTwoFactor(me, { password: PASSWORD, code: next() })).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("安全策略要求") });
      expect((await rowOf(me.id)).totpEnabledAt).not.toBeNull();
      // The code was not spent by the refusal.
      expect(await checkSecondFactor(await rowOf(me.id), next())).toBe(true);
    } finally {
      await setSecurityPolicy(system, { twoFactorRoles: [] });
    }
  });
});

describe("new recovery codes", () => {
  it("take the password and a code; the old codes stop working, the new ones work once; audited", async () => {
    const { me, secret, recoveryCodes: old, next } = await enrolled("self-codes@x.cn");
    await expect(regenerateRecoveryCodes(me, { password: "Wrong-Password-1", code: next() })).rejects.toMatchObject({ code: "invalid" });
    const { recoveryCodes } = await regenerateRecoveryCodes(me, { password: PASSWORD, code: next() });
    expect(recoveryCodes).toHaveLength(10);
    expect(recoveryCodes.some((c) => old.includes(c))).toBe(false);
    expect(await checkSecondFactor(await rowOf(me.id), old[1])).toBe(false);
    expect(await checkSecondFactor(await rowOf(me.id), recoveryCodes[0])).toBe(true);
    expect(await checkSecondFactor(await rowOf(me.id), recoveryCodes[0])).toBe(false);
    expect((await rowOf(me.id)).totpSecret).toBe(secret);
    expect(await auditOf("user.2fa-recovery-codes", me.id)).toEqual([expect.objectContaining({ actorId: me.id })]);
  });

  it("are made also when the policy requires two-factor, and not for an account without it", async () => {
    const { me, next } = await enrolled("self-codes-policy@x.cn", "admin");
    await setSecurityPolicy(system, { twoFactorRoles: ["admin"] });
    try {
      expect((await regenerateRecoveryCodes(me, { password: PASSWORD, code: next() })).recoveryCodes).toHaveLength(10);
    } finally {
      await setSecurityPolicy(system, { twoFactorRoles: [] });
    }
    const plain = await createUser(system, { email: "self-codes-none@x.cn", name: "none", role: "editor", password: PASSWORD });
    await expect(regenerateRecoveryCodes({ kind: "user", id: plain.id, role: "editor", unitId: null, name: plain.name, email: plain.email }, { password: PASSWORD, code: "123456" })).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("over the API", () => {
  it("POST /api/v1/auth/2fa/disable and /recovery-codes take the password and a code; the policy's refusal is a 403 in the audit log", async () => {
    const { me, next } = await enrolled("self-api@x.cn");
    const { token } = await createApiToken(system, me.id, "2fa");
    const post = async (path: string, body: unknown) => {
      const request = new Request(`http://localhost${path}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
      const res = await handlerFor("POST", path)(request, { params: Promise.resolve({}) });
      return { status: res.status, body: (await res.json()) as { error?: { code: string; fields?: Record<string, string[]> }; recoveryCodes?: string[] } };
    };
    expect(await post("/api/v1/auth/2fa/disable", {})).toMatchObject({ status: 422, body: { error: { fields: { password: [expect.any(String)], code: [expect.any(String)] } } } });
    const codes = await post("/api/v1/auth/2fa/recovery-codes", { password: PASSWORD, code: next() });
    expect(codes.status).toBe(200);
    expect(codes.body.recoveryCodes).toHaveLength(10);

    await setSecurityPolicy(system, { twoFactorRoles: ["editor"] });
    try {
      expect(await post("/api/v1/auth/2fa/disable", { password: PASSWORD, code: codes.body.recoveryCodes![0] })).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
      const refused = await (await getDb()).select().from(auditLog).where(and(eq(auditLog.action, "auth.refused"), eq(auditLog.actorId, me.id)));
      expect(refused).toEqual([expect.objectContaining({ details: expect.objectContaining({ path: "/api/v1/auth/2fa/disable", channel: "api" }) })]);
    } finally {
      await setSecurityPolicy(system, { twoFactorRoles: [] });
    }
    expect(await post("/api/v1/auth/2fa/disable", { password: PASSWORD, code: codes.body.recoveryCodes![0] })).toMatchObject({ status: 200, body: { ok: true } });
    expect((await rowOf(me.id)).totpEnabledAt).toBeNull();
  });
});
