// 安全策略 in the desk (issue 21): the security administrator — `admin` outside
// strict 三权分立 — sets which roles need two-factor and how long a password
// lasts on /workspace/admin/security; a reload shows what was saved, a stale
// form is refused, the save is audited, and no one else reaches the page.
//
// A server of its own: while this test requires two-factor for editors, every
// editor on the shared test server would be sent to enrolment, and the other
// worker's tests with them. With E2E_DATABASE_URL it gets a fresh database on
// that server.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { test, expect, sessionCookieFor, waitForHydration, type TestUser } from "./fixtures";
import { E2E } from "./env";
import { killServer, startNextServer, waitForServer } from "./servers";

const port = E2E.port + 43;
const base = `http://127.0.0.1:${port}`;

/** A fresh database on the test's PostgreSQL server, dropped afterwards. */
async function freshPostgres(url: string) {
  const { Client } = await import("pg");
  const name = `cms_e2e_policy_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const own = new URL(url);
  own.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: own.toString() },
    async drop() {
      const c = new Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function createUserOn(role: TestUser["role"]): Promise<TestUser> {
  const res = await fetch(`${base}/api/test/users`, { method: "POST", headers: { "content-type": "application/json", "x-e2e-token": E2E.hookToken }, body: JSON.stringify({ role }) });
  if (res.status !== 200) throw new Error(`creating a test user failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as TestUser;
}

/** A browser signed in as a new user of `role` on this test's server. */
async function signedIn(browser: Browser, role: TestUser["role"] | null) {
  const context = await browser.newContext({ baseURL: base });
  if (role) await context.addCookies([{ ...(await sessionCookieFor(await createUserOn(role))), url: base }]);
  return { context, page: waitForHydration(await context.newPage()) };
}

test("the security administrator sets two-factor for editors and a password lifetime on the page; others are kept out", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cms-policy-"));
  const database = process.env.E2E_DATABASE_URL ? await freshPostgres(process.env.E2E_DATABASE_URL) : null;
  const server = startNextServer(
    port,
    {
      ...(database ? database.env : { DATA_DIR: dataDir, DATABASE_URL: "" }),
      DEMO_PASSWORD: E2E.demoPassword,
      NEXTAUTH_SECRET: E2E.secret,
      CMS_E2E_HOOK_TOKEN: E2E.hookToken,
      SCHEDULER_INTERVAL_MS: "60000",
    },
    "policy-server",
  );
  try {
    await waitForServer(base, server);
    const { page, context } = await signedIn(browser, "admin");
    // Another administrator has the page open from before the save (optimistic locking, below).
    const other = await signedIn(browser, "admin");
    await other.page.goto("/workspace/admin/security");

    // Reached from the administration tabs.
    await page.goto("/workspace/admin");
    await page.getByRole("navigation", { name: "系统管理分区" }).getByRole("link", { name: "安全策略" }).click();
    await expect(page).toHaveURL(/\/workspace\/admin\/security$/);
    await expect(page.getByRole("heading", { name: "安全策略", level: 2 })).toBeVisible();
    await expect(page.getByTestId("policy-version")).toHaveText(/尚未保存过/);

    // A bad lifetime is refused next to its field, and what was typed stays.
    const days = page.getByLabel("密码有效期(天)");
    await days.fill("0");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(days).toHaveAttribute("aria-invalid", "true");
    await expect(days).toHaveAccessibleDescription(/1–3650/);
    await expect(days).toHaveValue("0");

    await page.getByRole("group", { name: "须使用两步验证的角色" }).getByLabel("编辑", { exact: true }).check();
    await days.fill("90");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("已保存。");
    await expect(days).not.toHaveAttribute("aria-invalid", "true");

    await page.reload();
    const roles = page.getByRole("group", { name: "须使用两步验证的角色" });
    await expect(roles.getByLabel("编辑", { exact: true })).toBeChecked();
    await expect(roles.getByLabel("签发人", { exact: true })).not.toBeChecked();
    await expect(page.getByLabel("密码有效期(天)")).toHaveValue("90");
    await expect(page.getByTestId("policy-version")).toHaveText(/当前为第 1 版/);
    await page.screenshot({ path: testInfo.outputPath("security-policy.png"), fullPage: true });
    expect(await (await page.request.get("/api/v1/security/policy")).json()).toEqual({ twoFactorRoles: ["editor"], passwordMaxAgeDays: 90, version: 1 });

    // The form read before the save is stale: refused, nothing overwritten.
    await other.page.getByLabel("密码有效期(天)").fill("30");
    await other.page.getByRole("button", { name: "保存" }).click();
    await expect(other.page.getByRole("main").getByRole("alert")).toHaveText(/已被他人修改/);
    expect(await (await page.request.get("/api/v1/security/policy")).json()).toMatchObject({ passwordMaxAgeDays: 90, version: 1 });

    // Audited as the API's PUT is.
    const audit = await page.request.get("/api/v1/audit?action=security.policy");
    expect(audit.status()).toBe(200);
    expect((await audit.json()).entries).toEqual([expect.objectContaining({ action: "security.policy", details: expect.objectContaining({ twoFactorRoles: ["editor"], passwordMaxAgeDays: 90, version: 1 }) })]);

    // In force: an editor without two-factor is sent to enrolment.
    const editor = await signedIn(browser, "editor");
    await editor.page.goto("/workspace/admin/security");
    await expect(editor.page).toHaveURL(/\/two-factor/);
    // Not theirs: a signer does not find the page, nor may use the API; signed out → sign in.
    const signer = await signedIn(browser, "signer");
    expect((await signer.page.request.get("/workspace/admin/security", { maxRedirects: 0 })).status()).toBe(404);
    expect((await signer.page.request.put("/api/v1/security/policy", { headers: { origin: base }, data: { twoFactorRoles: [] } })).status()).toBe(403);
    const anonymous = await signedIn(browser, null);
    const away = await anonymous.page.request.get("/workspace/admin/security", { maxRedirects: 0 });
    expect(away.status()).toBe(307);
    expect(away.headers().location).toMatch(/\/login/);
    for (const c of [context, other.context, editor.context, signer.context, anonymous.context]) await c.close();
  } finally {
    await killServer(server);
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
