// Integration (issue 21, 等保 身份鉴别): sign-in security through the API route
// handlers themselves, on a fresh database (PGlite, or PostgreSQL with DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handlerFor } from "@/lib/api/registry";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { createUserWithOneTimePassword, resetUserPassword } from "@/lib/users/manage";
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
