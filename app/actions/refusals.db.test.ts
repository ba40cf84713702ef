// Integration (issue 21 item 7, 等保 安全审计): a server action that refuses a
// signed-in user (403) writes the auth.refused row, as the API does — the
// real actions, called inside a Next request with a real session cookie.
// `failure` (result.ts, beside this file) is the one place every action's refusal
// passes through.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as OTPAuth from "otpauth";
import { getDb } from "@/db";
import { auditLog, users } from "@/db/schema";
import { systemViewer } from "@/lib/auth/permissions";
import { startSession } from "@/lib/auth/sessions";
import { enableTwoFactor, setSecurityPolicy, setupTwoFactor } from "@/lib/auth/two-factor";
import { inRequest, sessionCookie } from "@/testing/next-request";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { createUser } from "@/lib/users/users";
import { saveSecurityPolicyAction } from "@/app/(workspace)/workspace/admin/actions";
import { disableTwoFactorAction } from "@/app/(workspace)/workspace/account/actions";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb?.drop());

const system = systemViewer("test");
const PASSWORD = "Refused-Action-2026";

async function signedIn(email: string) {
  const user = await createUser(system, { email, name: email.split("@")[0]!, role: "editor", password: PASSWORD });
  const sid = await startSession(user.id, { ip: "198.51.100.40", userAgent: "action-test/1" });
  const headers = { cookie: await sessionCookie(user.id, sid), "user-agent": "action-test/1", "x-cms-socket-address": "198.51.100.41" };
  return { user, headers };
}
const refusalsOf = async (userId: number) => (await getDb()).select().from(auditLog).where(and(eq(auditLog.action, "auth.refused"), eq(auditLog.actorId, userId)));
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describe("a server action's refusal", () => {
  it("is in the audit log with the permission, the address and the user agent; a signed-out call records none", async () => {
    const { user, headers } = await signedIn("action-refused@x.cn");
    expect(await refusalsOf(user.id)).toHaveLength(0);

    // Signed out: 401, nobody to record.
    const anonymous = await inRequest(() => saveSecurityPolicyAction(null, form({ twoFactorRoles: "admin" })), { headers: { "user-agent": "action-test/1" } });
    expect(anonymous).toMatchObject({ ok: false });
    expect(await (await getDb()).select().from(auditLog).where(eq(auditLog.action, "auth.refused"))).toHaveLength(0);

    // An editor saves the security policy: 403, and the refusal is recorded.
    const result = await inRequest(() => saveSecurityPolicyAction(null, form({ twoFactorRoles: "admin" })), { headers, path: "/workspace/admin/security" });
    expect(result).toEqual({ ok: false, message: "没有权限执行此操作", fieldErrors: undefined });
    expect(await refusalsOf(user.id)).toEqual([
      expect.objectContaining({
        ip: "198.51.100.41",
        targetType: "user",
        targetId: String(user.id),
        details: { code: "forbidden", permission: "manage:security:any", userAgent: "action-test/1", channel: "action" },
      }),
    ]);
  });

  it("is recorded for a 403 that is not a permission, too: two-factor off refused by the policy", async () => {
    const { user, headers } = await signedIn("action-policy@x.cn");
    const me = { kind: "user" as const, id: user.id, role: user.role, unitId: null, name: user.name, email: user.email };
    const { secret } = await setupTwoFactor(me);
    await enableTwoFactor(me, OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 }));
    await setSecurityPolicy(system, { twoFactorRoles: ["editor"] });
    try {
      const result = await inRequest(() => disableTwoFactorAction(null, form({ password: PASSWORD, code: "123456" })), { headers, path: "/workspace/account" });
      expect(result).toMatchObject({ ok: false, message: expect.stringContaining("安全策略要求") });
      expect(await refusalsOf(user.id)).toEqual([
        expect.objectContaining({ ip: "198.51.100.41", details: { code: "forbidden", userAgent: "action-test/1", channel: "action" } }),
      ]);
      const [row] = await (await getDb()).select({ on: users.totpEnabledAt }).from(users).where(eq(users.id, user.id));
      expect(row!.on).not.toBeNull();
    } finally {
      await setSecurityPolicy(system, { twoFactorRoles: [] });
    }
  });
});
