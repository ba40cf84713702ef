// Integration (issue 21, 等保 身份鉴别 d): a TOTP code is good once; the
// security policy is saved with optimistic locking and audited. Codes are
// computed from the secret, at chosen times.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import { getDb } from "@/db";
import { auditLog, users, type Role } from "@/db/schema";
import { handlerFor } from "@/lib/api/registry";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { createUser } from "@/lib/users/users";
import { systemViewer, type Viewer } from "./permissions";
import { createApiToken } from "./tokens";
import { invalidInput } from "@/lib/errors";
import { checkSecondFactor, disableTwoFactor, enableTwoFactor, getSecurityPolicy, getSecurityPolicyForAdmin, securityPolicySchema, setSecurityPolicy, setupTwoFactor } from "./two-factor";

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db?.drop());

const system = systemViewer("test");
const STEP = 30_000;
const codeAt = (secret: string, step: number) => OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30, timestamp: step * STEP });
/** The middle of a time step: the moment a check is made. */
const during = (step: number) => step * STEP + STEP / 2;

async function newUser(email: string, role: Role, password = "Right-Password-7"): Promise<Extract<Viewer, { kind: "user" }>> {
  const user = await createUser(system, { email, name: email.split("@")[0]!, role, password });
  return { kind: "user", id: user.id, role, unitId: null, name: user.name, email: user.email };
}
const rowOf = async (id: number) => (await (await getDb()).select().from(users).where(eq(users.id, id)))[0]!;

async function token(body: Record<string, unknown>) {
  const request = new Request("http://localhost/api/v1/auth/token", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const response = await handlerFor("POST", "/api/v1/auth/token")(request, { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
}

describe("TOTP replay protection", () => {
  it("spends the enrolment code and every accepted step; an older or the same step is refused", async () => {
    const me = await newUser("replay1@x.cn", "editor");
    const { secret } = await setupTwoFactor(me);
    await enableTwoFactor(me, codeAt(secret, Math.floor(Date.now() / STEP)));
    const spent = (await rowOf(me.id)).totpLastStep!;
    expect(spent).toBeGreaterThan(0);

    // Over HTTP: the enrolment code again is refused (and counted as a wrong code); the next step's code passes once.
    const login = (otp: string) => token({ email: me.email, password: "Right-Password-7", otp });
    expect(await login(codeAt(secret, spent))).toMatchObject({ status: 401, body: { error: { code: "otp_required" } } });
    expect((await login(codeAt(secret, spent + 1))).status).toBe(200);
    expect(await login(codeAt(secret, spent + 1))).toMatchObject({ status: 401, body: { error: { code: "otp_required" } } });
    const refused = await (await getDb())
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.sign-in-failed"), eq(auditLog.targetId, String(me.id))));
    expect(refused.map((r) => (r.details as { reason?: string }).reason)).toEqual(["otp_wrong", "otp_wrong"]);

    // At chosen moments: every code still inside the ±1 window is refused once its step (or a later one) was accepted.
    const user = await rowOf(me.id);
    expect(user.totpLastStep).toBe(spent + 1);
    const now = during(spent + 1);
    expect(await checkSecondFactor(user, codeAt(secret, spent), now)).toBe(false);
    expect(await checkSecondFactor(user, codeAt(secret, spent + 1), now)).toBe(false);
    expect(await checkSecondFactor(user, codeAt(secret, spent + 2), now)).toBe(true);
    expect(await checkSecondFactor(user, codeAt(secret, spent + 2), during(spent + 2))).toBe(false);
    // Two sign-ins racing with one fresh code: exactly one gets in.
    const race = await Promise.all([checkSecondFactor(user, codeAt(secret, spent + 3), during(spent + 3)), checkSecondFactor(user, codeAt(secret, spent + 3), during(spent + 3))]);
    expect(race.filter(Boolean)).toHaveLength(1);
    expect((await rowOf(me.id)).totpLastStep).toBe(spent + 3);
  });

  it("forgets the spent step when two-factor is turned off, and a new enrolment starts afresh", async () => {
    const me = await newUser("replay2@x.cn", "editor");
    const first = await setupTwoFactor(me);
    await enableTwoFactor(me, codeAt(first.secret, Math.floor(Date.now() / STEP)));
    // Turned off by the security administrator (a lost phone); one's own needs the password and a code (two-factor-self.db.test.ts).
    await expect(disableTwoFactor(me, me.id)).rejects.toMatchObject({ code: "forbidden" });
    await disableTwoFactor(await newUser("replay2-sec@x.cn", "secadmin"), me.id);
    expect((await rowOf(me.id)).totpLastStep).toBeNull();
    const { secret } = await setupTwoFactor(me);
    const step = Math.floor(Date.now() / STEP);
    await enableTwoFactor(me, codeAt(secret, step));
    // The new secret's enrolment code is spent too.
    expect(await checkSecondFactor(await rowOf(me.id), codeAt(secret, step), during(step))).toBe(false);
    expect(await checkSecondFactor(await rowOf(me.id), codeAt(secret, step + 1), during(step))).toBe(true);
  });
});

describe("the security policy", () => {
  it("starts at version 0; a save with a stale version is refused with 409 and changes nothing", async () => {
    const alice = await newUser("sec-a@x.cn", "secadmin");
    const bob = await newUser("sec-b@x.cn", "admin");
    const editor = await newUser("sec-e@x.cn", "editor");
    await expect(getSecurityPolicyForAdmin(editor)).rejects.toMatchObject({ code: "forbidden" });
    await expect(setSecurityPolicy(editor, { twoFactorRoles: [] })).rejects.toMatchObject({ code: "forbidden" });
    expect(await getSecurityPolicyForAdmin(alice)).toEqual({ twoFactorRoles: [], passwordMaxAgeDays: null, version: 0, updatedAt: null, updatedBy: null });

    // Both read version 0; Alice saves first, Bob's save is refused.
    expect(await setSecurityPolicy(alice, { twoFactorRoles: ["editor"], passwordMaxAgeDays: 90, version: 0 })).toEqual({ twoFactorRoles: ["editor"], passwordMaxAgeDays: 90, version: 1 });
    await expect(setSecurityPolicy(bob, { twoFactorRoles: [], passwordMaxAgeDays: null, version: 0 })).rejects.toMatchObject({ code: "conflict" });
    expect(await getSecurityPolicyForAdmin(bob)).toMatchObject({ twoFactorRoles: ["editor"], passwordMaxAgeDays: 90, version: 1, updatedBy: "sec-a" });

    // Two saves read at version 1, at once: one wins.
    const both = await Promise.allSettled([
      setSecurityPolicy(alice, { twoFactorRoles: ["admin"], passwordMaxAgeDays: 30, version: 1 }),
      setSecurityPolicy(bob, { twoFactorRoles: ["signer"], passwordMaxAgeDays: 60, version: 1 }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(both.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    const after = await getSecurityPolicy();
    expect(after.version).toBe(2);
    expect([["admin", 30], ["signer", 60]]).toContainEqual([after.twoFactorRoles[0], after.passwordMaxAgeDays]);

    // Without a version (older API clients) the save goes through and still counts.
    expect(await setSecurityPolicy(bob, { twoFactorRoles: [] })).toMatchObject({ twoFactorRoles: [], version: 3 });
    // Bad values are refused field by field, before the version is looked at.
    // (by the schema the route and the form parse with, one message per field)
    expect(invalidInput(securityPolicySchema.safeParse({ twoFactorRoles: ["nobody"], passwordMaxAgeDays: "abc", version: 3 }).error!, "security.policyInvalid")).toMatchObject({
      code: "invalid",
      fields: { twoFactorRoles: [expect.anything()], passwordMaxAgeDays: [expect.anything()] },
    });
    expect(await setSecurityPolicy(alice, { twoFactorRoles: [], passwordMaxAgeDays: null, version: 3 })).toEqual({ twoFactorRoles: [], passwordMaxAgeDays: null, version: 4 });

    // Every save is audited with the version it made.
    const audited = await (await getDb()).select({ actorId: auditLog.actorId, details: auditLog.details }).from(auditLog).where(eq(auditLog.action, "security.policy")).orderBy(auditLog.id);
    expect(audited.map((r) => (r.details as { version: number }).version)).toEqual([1, 2, 3, 4]);
    expect(audited[0]!.actorId).toBe(alice.id);
  });

  it("over the API: GET answers the version, PUT with a stale one answers 409", async () => {
    const sec = await newUser("sec-api@x.cn", "secadmin");
    const { token: bearer } = await createApiToken(system, sec.id, "policy");
    const call = async (method: "GET" | "PUT", body?: unknown) => {
      const request = new Request("http://localhost/api/v1/security/policy", {
        method,
        headers: { authorization: `Bearer ${bearer}`, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const response = await handlerFor(method, "/api/v1/security/policy")(request, { params: Promise.resolve({}) });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const { version } = (await call("GET")).body as { version: number };
    expect(await call("PUT", { twoFactorRoles: ["signer"], version })).toMatchObject({ status: 200, body: { twoFactorRoles: ["signer"], version: version + 1 } });
    expect(await call("PUT", { twoFactorRoles: [], version })).toMatchObject({ status: 409, body: { error: { code: "conflict" } } });
    expect(await call("PUT", { twoFactorRoles: [], version: version + 1 })).toMatchObject({ status: 200, body: { twoFactorRoles: [], version: version + 2 } });
  });

  it("belongs to the security administrator alone in strict 三权分立 mode", async () => {
    const admin = await newUser("strict-admin@x.cn", "admin");
    const sec = await newUser("strict-sec@x.cn", "secadmin");
    const before = process.env.CMS_SEPARATION_OF_DUTIES;
    process.env.CMS_SEPARATION_OF_DUTIES = "strict";
    try {
      await expect(getSecurityPolicyForAdmin(admin)).rejects.toMatchObject({ code: "forbidden" });
      const { version } = await getSecurityPolicyForAdmin(sec);
      await expect(setSecurityPolicy(admin, { twoFactorRoles: [], version })).rejects.toMatchObject({ code: "forbidden" });
      expect(await setSecurityPolicy(sec, { twoFactorRoles: [], version })).toMatchObject({ version: version + 1 });
    } finally {
      if (before === undefined) delete process.env.CMS_SEPARATION_OF_DUTIES;
      else process.env.CMS_SEPARATION_OF_DUTIES = before;
    }
  });
});
