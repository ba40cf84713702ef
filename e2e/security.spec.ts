// Sign-in security over real HTTP (issue 21, GB/T 22239-2019 level 3): what an
// assessor tries by hand against the running server.
import { test, expect, createUser, sessionCookieFor, signInForCookie, signInThroughForm, waitForHydration, type TestUser } from "./fixtures";
import { E2E } from "./env";
import type { APIRequestContext } from "@playwright/test";
import * as OTPAuth from "otpauth";

const codeFor = (secret: string, at = Date.now()) => OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30, timestamp: at });
/** A code is good once, the enrolment's included: the next one is the next step's, inside the ±1-step window. */
const nextCodeFor = (secret: string) => codeFor(secret, Date.now() + 30_000);

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
    // Required first: the field names the one-time password, and the only way out is to sign out.
    await expect(page.getByLabel("当前密码（一次性密码）")).toBeVisible();
    await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
    await expect(page.getByRole("link", { name: "返回账户安全" })).toHaveCount(0);
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

test("the password and two-factor pages, opened from the account page, name the current password plainly and lead back", async ({ page, loginAs }) => {
  await loginAs("editor");
  for (const path of ["/change-password", "/two-factor"]) {
    await page.goto(path);
    if (path === "/change-password") {
      await expect(page.getByLabel("当前密码", { exact: true })).toBeVisible();
      await expect(page.getByText("一次性密码")).toHaveCount(0);
    }
    await expect(page.getByRole("button", { name: "退出登录" })).toHaveCount(0);
    await page.getByRole("link", { name: "返回账户安全" }).click();
    await expect(page).toHaveURL(/\/workspace\/account$/);
  }
});

test.describe("password expiry", () => {
  test("an expired password must be changed before anything else; the security administrator sets the policy", async ({ page, request }) => {
    const auth = await bearerFor(request, await createUser("secadmin"));
    const user = await createUser("editor", { passwordAgeDays: 100 });
    expect((await request.put("/api/v1/security/policy", { headers: auth, data: { twoFactorRoles: [], passwordMaxAgeDays: 90 } })).status()).toBe(200);
    try {
      const refused = await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password } });
      expect(refused.status()).toBe(403);
      expect((await refused.json()).error.code).toBe("must_change_password");
      await signInThroughForm(page, user.email, user.password);
      await expect(page).toHaveURL(/\/change-password/);
      await expect(page.getByText("您的密码已超过安全策略规定的有效期")).toBeVisible();
    } finally {
      await request.put("/api/v1/security/policy", { headers: auth, data: { twoFactorRoles: [], passwordMaxAgeDays: null } });
    }
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

test.describe("two-factor sign-in", () => {
  test("the API: setup, enable with a computed code, then no token without a valid code", async ({ request }) => {
    const user = await createUser("editor");
    const auth = await bearerFor(request, user);
    const setup = await request.post("/api/v1/auth/2fa/setup", { headers: auth });
    expect(setup.status()).toBe(200);
    const { secret, otpauthUrl } = await setup.json();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const enrolment = codeFor(secret);
    expect((await request.post("/api/v1/auth/2fa/enable", { headers: auth, data: { code: enrolment } })).status()).toBe(200);
    const without = await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password } });
    expect(without.status()).toBe(401);
    expect((await without.json()).error.code).toBe("otp_required");
    const wrong = await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password, otp: "12345x" } });
    expect((await wrong.json()).error.code).toBe("otp_required");
    const replayed = await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password, otp: enrolment } });
    expect((await replayed.json()).error.code).toBe("otp_required");
    const ok = await request.post("/api/v1/auth/token", { data: { email: user.email, password: user.password, otp: nextCodeFor(secret) } });
    expect(ok.status()).toBe(200);
  });

  test("the page: a QR code, a code to confirm, recovery codes once; the sign-in form then asks for the code", async ({ page, loginAs, browser }) => {
    const user = await loginAs("editor");
    await page.goto("/two-factor");
    await page.getByRole("button", { name: "开始设置" }).click();
    await expect(page.getByRole("img", { name: "两步验证二维码" })).toBeVisible();
    const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
    await page.getByLabel("验证码").fill(codeFor(secret));
    await page.getByRole("button", { name: "启用两步验证" }).click();
    await expect(page.getByRole("list", { name: "恢复码" }).getByRole("listitem")).toHaveCount(10);

    const fresh = await browser.newContext();
    const form = waitForHydration(await fresh.newPage());
    await signInThroughForm(form, user.email, user.password);
    await expect(form.locator("form").getByRole("alert")).toHaveText("请输入正确的两步验证码(或恢复码)。");
    await form.getByLabel("两步验证码(已启用时填写)").fill(nextCodeFor(secret));
    await form.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
    await expect(form.getByRole("heading", { level: 1, name: "编辑工作台" })).toBeVisible();
    await fresh.close();
  });
});

test.describe("sessions", () => {
  test("a copied session cookie is refused after sign-out; desk pages are not stored", async ({ page, request }) => {
    const user = await createUser("editor");
    await signInThroughForm(page, user.email, user.password);
    await expect(page.getByRole("heading", { level: 1, name: "编辑工作台" })).toBeVisible();
    const desk = await page.request.get("/workspace");
    expect(desk.headers()["cache-control"]).toContain("no-store");
    const cookie = (await page.context().cookies()).find((c) => c.name === "next-auth.session-token")!;
    const copied = { cookie: `${cookie.name}=${cookie.value}` };
    expect((await request.get("/api/v1/articles", { headers: copied })).status()).toBe(200);
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login/);
    expect((await request.get("/api/v1/articles", { headers: copied })).status()).toBe(401);
    expect((await request.get("/workspace", { headers: copied, maxRedirects: 0 })).status()).toBe(307);
  });

  test("a session idle for longer than the timeout is refused, pages and API alike", async ({ context, page }) => {
    const fresh = await createUser("editor", { idleMinutes: 5 });
    const idle = await createUser("editor", { idleMinutes: 31 });
    await context.addCookies([await sessionCookieFor(fresh)]);
    expect((await page.request.get("/api/v1/articles")).status()).toBe(200);
    await context.clearCookies();
    await context.addCookies([await sessionCookieFor(idle)]);
    expect((await page.request.get("/api/v1/articles")).status()).toBe(401);
    await page.goto("/workspace");
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe("audit", () => {
  test("every sign-in, failed or not, with address and user agent; every 403 of a signed-in user", async ({ request, playwright }) => {
    const user = await createUser("editor");
    const ua = { "user-agent": "AuditProbe/1.0" };
    const from = { ...ua, "x-forwarded-for": "198.51.100.77" };
    expect((await request.post("/api/v1/auth/token", { headers: from, data: { email: user.email, password: "wrong-Pass-1" } })).status()).toBe(401);
    expect((await request.post("/api/v1/auth/token", { headers: from, data: { email: user.email, password: user.password } })).status()).toBe(200);
    // The sign-in form too (a context of its own, with its own user agent).
    const form = await playwright.request.newContext({ baseURL: E2E.baseURL, extraHTTPHeaders: { "user-agent": "FormProbe/2.0", "x-forwarded-for": "198.51.100.78" } });
    await signInForCookie(form, user.email, user.password);
    await form.dispose();
    // A refusal: an editor asks for the user list.
    const refused = await request.get("/api/v1/users", { headers: { ...from, cookie: `next-auth.session-token=${(await sessionCookieFor(user)).value}` } });
    expect(refused.status()).toBe(403);

    const admin = await bearerFor(request, await createUser("admin"));
    const entries = async (action: string) => {
      const res = await request.get(`/api/v1/audit?action=${action}&targetType=user&targetId=${user.id}`, { headers: admin });
      expect(res.status()).toBe(200);
      return (await res.json()).entries as { action: string; ip: string | null; details: Record<string, unknown> }[];
    };
    expect(await entries("auth.sign-in-failed")).toEqual([expect.objectContaining({ ip: "198.51.100.77", details: expect.objectContaining({ reason: "wrong_password", userAgent: "AuditProbe/1.0", channel: "api" }) })]);
    const signIns = await entries("auth.sign-in");
    expect(signIns).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ip: "198.51.100.77", details: expect.objectContaining({ userAgent: "AuditProbe/1.0", channel: "api" }) }),
        expect.objectContaining({ ip: "198.51.100.78", details: expect.objectContaining({ userAgent: "FormProbe/2.0", channel: "web" }) }),
      ]),
    );
    expect(await entries("auth.refused")).toEqual([
      expect.objectContaining({ ip: "198.51.100.77", details: expect.objectContaining({ code: "forbidden", permission: "read:user:any", path: "/api/v1/users", userAgent: "AuditProbe/1.0" }) }),
    ]);
  });

  test("an administrator downloads the audit log as CSV from the audit page", async ({ page, loginAs }) => {
    await loginAs("admin");
    await page.goto("/workspace/admin/audit?action=auth.");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出 CSV" }).click();
    const file = await download;
    // filename* (UTF-8) names it 审计日志-YYYY-MM-DD.csv; filename= is the ASCII fallback.
    expect(file.suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = (await (await import("node:fs/promises")).readFile((await file.path())!, "utf8")).replace(/^\uFEFF/, "");
    const [header, ...rows] = text.trimEnd().split("\r\n");
    expect(header).toBe("id,time_utc,actor_id,actor,action,target_type,target_id,ip,user_agent,details,chain_seq,prev_hash,hash");
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.split(",")[4]).toMatch(/^auth\./);
  });
});
