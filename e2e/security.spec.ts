// Sign-in security over real HTTP (issue 21, GB/T 22239-2019 level 3): what an
// assessor tries by hand against the running server.
import { test, expect, createUser, signInThroughForm, type TestUser } from "./fixtures";
import { E2E } from "./env";
import type { APIRequestContext } from "@playwright/test";

async function bearerFor(request: APIRequestContext, user: Pick<TestUser, "email" | "password">) {
  const res = await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password } });
  expect(res.status()).toBe(200);
  return { authorization: `Bearer ${(await res.json()).token}` };
}

/** A new editor with a one-time password, made by an administrator through the API. */
async function oneTimeUser(request: APIRequestContext) {
  const admin = await createUser("admin");
  const email = `otp-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@test.local`;
  const res = await request.post("/api/v1/users", { headers: await bearerFor(request, admin), data: { email, name: "一次性密码", role: "editor" } });
  expect(res.status()).toBe(201);
  return { email, password: (await res.json()).password as string };
}

test.describe("one-time passwords are for changing only", () => {
  test("a one-time password mints no token", async ({ request }) => {
    const user = await oneTimeUser(request);
    const res = await request.post("/api/v1/auth/token", { data: user });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe("must_change_password");
  });

  test("its cookie session reaches no API but the password change, then everything", async ({ page, request }) => {
    const user = await oneTimeUser(request);
    await signInThroughForm(page, user.email, user.password);
    await expect(page).toHaveURL(/\/change-password/);
    for (const path of ["/api/v1/articles", "/api/v1/tokens", "/api/v1/notifications"]) {
      const res = await page.request.get(path);
      expect(res.status(), path).toBe(403);
      expect((await res.json()).error.code).toBe("must_change_password");
    }
    const headers = { origin: E2E.baseURL };
    const weak = await page.request.post("/api/v1/auth/password", { headers, data: { currentPassword: user.password, newPassword: "abc" } });
    expect(weak.status()).toBe(422);
    const body = (await weak.json()).error;
    expect(body.fields.newPassword[0]).toBeTruthy();
    const ok = await page.request.post("/api/v1/auth/password", { headers, data: { currentPassword: user.password, newPassword: "Own-Choice-2026" } });
    expect(ok.status()).toBe(200);
    expect((await page.request.get("/api/v1/articles")).status()).toBe(200);
    await bearerFor(request, { email: user.email, password: "Own-Choice-2026" });
  });
});
