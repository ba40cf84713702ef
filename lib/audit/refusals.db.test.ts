// Integration (issue 21 item 7, 等保 安全审计): every 403 answered to a
// signed-in user is in the audit log with the permission or path, the
// address and the user agent — through the API route handlers themselves.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog } from "@/db/schema";
import { handlerFor } from "@/lib/api/registry";
import { systemViewer } from "@/lib/auth/permissions";
import { createApiToken } from "@/lib/auth/tokens";
import { createTestDb, type TestDb } from "@/testing/test-db";
import { createUser, findUserByEmail } from "@/lib/users/users";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb?.drop());

async function get(path: string, token: string) {
  const request = new Request(`http://localhost${path}`, {
    headers: { authorization: `Bearer ${token}`, "x-cms-socket-address": "198.51.100.23", "user-agent": "refusal-test/1" },
  });
  return handlerFor("GET", path)(request, { params: Promise.resolve({}) });
}

describe("refusals", () => {
  it("records a 403 to a signed-in user with the permission, address and user agent; a 200 or a 401 records none", async () => {
    const system = systemViewer("test");
    await createUser(system, { email: "refused@x.cn", name: "被拒", role: "editor", password: "Denied-Path-2026" });
    const user = (await findUserByEmail("refused@x.cn"))!;
    const { token } = await createApiToken(system, user.id, "t");
    const db = await getDb();
    const refusals = () => db.select().from(auditLog).where(and(eq(auditLog.action, "auth.refused"), eq(auditLog.actorId, user.id)));

    expect((await get("/api/v1/articles", token)).status).toBe(200);
    expect((await get("/api/v1/users", "bcms_not-a-token")).status).toBe(401);
    expect(await refusals()).toHaveLength(0);

    const res = await get("/api/v1/users", token);
    expect(res.status).toBe(403);
    const [entry] = await refusals();
    expect(entry).toMatchObject({
      ip: "198.51.100.23",
      targetType: "user",
      targetId: String(user.id),
      details: { code: "forbidden", permission: "read:user:any", method: "GET", path: "/api/v1/users", userAgent: "refusal-test/1", channel: "api" },
    });
  });
});
