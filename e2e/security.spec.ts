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

test.describe("failure handling", () => {
  test("the sixth wrong password locks the account from a new address; the admin sees it and lifts it", async ({ request, page, loginAs }) => {
    const user = await createUser("editor");
    const from = (n: number) => ({ "x-forwarded-for": `198.51.100.${n}` });
    for (let i = 1; i <= 5; i++) {
      const res = await request.post("/api/v1/auth/token", { headers: from(i), data: { email: user.email, password: `wrong-${i}` } });
      expect(res.status()).toBe(401);
    }
    const sixth = await request.post("/api/v1/auth/token", { headers: from(99), data: { email: user.email, password: user.password } });
    expect(sixth.status()).toBe(429);
    expect((await sixth.json()).error.code).toBe("locked");

    await loginAs("admin");
    await page.goto(`/workspace/admin?q=${encodeURIComponent(user.email)}`);
    const row = page.getByRole("row").filter({ hasText: user.email });
    await expect(row.getByText("已锁定")).toBeVisible();
    await row.getByRole("button", { name: "解锁" }).click();
    await expect(row.getByText("已锁定")).toBeHidden();
    await bearerFor(request, user);

    const admin = await createUser("admin");
    const audit = await request.get(`/api/v1/audit?action=auth.sign-in-failed&targetType=user&targetId=${user.id}`, { headers: await bearerFor(request, admin) });
    expect(audit.status()).toBe(200);
    const entries = (await audit.json()).entries as { action: string; ip: string | null }[];
    expect(entries.filter((e) => e.action === "auth.sign-in-failed").map((e) => e.ip)).toEqual(expect.arrayContaining(["198.51.100.1", "198.51.100.99"]));
  });
});
