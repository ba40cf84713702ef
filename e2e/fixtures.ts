// Test fixtures: `loginAs(role)` creates a unique user on the server and
// gives the browser a signed session cookie for it — no clicking through sign-in.
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { E2E } from "./env";

export interface TestUser {
  id: number;
  email: string;
  password: string;
  role: "admin" | "editor" | "signer" | "contributor" | "sysadmin" | "secadmin" | "auditadmin";
  unitId: number | null;
  name: string;
  /** The server session the hook started for this user; sessionCookieFor puts it in the cookie. */
  sid: string;
}

export async function createUser(role: TestUser["role"], options: { unit?: string; password?: string; idleMinutes?: number; passwordAgeDays?: number } = {}): Promise<TestUser> {
  const res = await fetch(`${E2E.baseURL}/api/test/users`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-e2e-token": E2E.hookToken },
    body: JSON.stringify({ role, ...options }),
  });
  if (res.status !== 200) throw new Error(`creating a test user failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as TestUser;
}

export async function sessionCookieFor(user: TestUser) {
  const value = await encode({
    secret: E2E.secret,
    token: { sub: String(user.id), uid: user.id, sid: user.sid, role: user.role, unitId: user.unitId, email: user.email, name: user.name },
  });
  return { name: "next-auth.session-token", value, url: E2E.baseURL, httpOnly: true, sameSite: "Lax" as const };
}

/**
 * After a navigation to an HTML page, wait until React has hydrated it, so a
 * click or key press is never lost to a not-yet-interactive page under load.
 */
export function waitForHydration(page: Page): Page {
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  const settle = async (response: Awaited<ReturnType<Page["goto"]>>) => {
    const html = (response?.headers()["content-type"] ?? "").includes("text/html");
    if (response && html && response.status() < 500 && response.status() !== 410) {
      await page.locator("html[data-hydrated]").waitFor({ state: "attached", timeout: 20_000 });
    }
    return response;
  };
  page.goto = async (url, options) => settle(await goto(url, options));
  page.reload = async (options) => settle(await reload(options));
  return page;
}

export const test = base.extend<{ loginAs: (role: TestUser["role"], options?: { unit?: string }) => Promise<TestUser> }>({
  page: async ({ page }, provide) => {
    await provide(waitForHydration(page));
  },
  loginAs: async ({ context }, provide) => {
    await provide(async (role, options) => {
      const user = await createUser(role, options);
      await context.addCookies([await sessionCookieFor(user)]);
      return user;
    });
  },
});

/** Signs in through the form, as a person would. */
export async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel(/邮箱|E-mail/).fill(email);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
}

export { expect };

/**
 * Signs in through next-auth's credentials endpoint, as the form does, and
 * returns the session cookie as a header: for a user the hook did not create
 * (so has no test session), e.g. one an administrator made through the API.
 */
export async function signInForCookie(request: APIRequestContext, email: string, password: string): Promise<string> {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" }, maxRedirects: 0 });
  const cookie = res.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("next-auth.session-token="));
  if (!cookie) throw new Error(`signing in as ${email} set no session cookie (${res.status()})`);
  return cookie.value.split(";")[0]!;
}
