// Cross-site request forgery: a page on another origin auto-submits forms to
// the API and to a server action, riding on the signed-in user's session
// cookie. Nothing may change. Also: the session cookie's flags.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { test, expect, signInThroughForm, createUser } from "./fixtures";
import { E2E } from "./env";

const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** An attacker's page: a form that posts itself on load. `fields` are name/value pairs. */
function attackPage(action: string, fields: [string, string][], enctype = "application/x-www-form-urlencoded") {
  const inputs = fields.map(([n, v]) => `<input type="hidden" name="${escapeAttr(n)}" value="${escapeAttr(v)}">`).join("");
  return `<!doctype html><html><body><form id="f" method="POST" action="${escapeAttr(action)}" enctype="${enctype}">${inputs}</form><script>document.getElementById("f").submit()</script></body></html>`;
}

/** Serves one HTML page from another origin (another port) for the test. */
async function otherOrigin(html: () => string) {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html());
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

// A JSON body smuggled through a text/plain form: name `{"title":"…","note":"` + `=` + value `"}`.
const jsonFields = (title: string): [string, string][] => [[`{"title":"${title}","note":"`, `"}`]];

async function articleTitles(page: Page): Promise<string[]> {
  const res = await page.request.get("/api/v1/articles?limit=200");
  expect(res.status()).toBe(200);
  return (await res.json()).articles.map((a: { title: string }) => a.title);
}

test("a cross-origin form post to the API with the session cookie is refused and changes nothing", async ({ page, loginAs }) => {
  await loginAs("contributor");
  const title = `csrf-${Date.now()}`;
  let pageHtml = attackPage(`${E2E.baseURL}/api/v1/articles`, jsonFields(title), "text/plain");
  const site = await otherOrigin(() => pageHtml);
  try {
    // The cookie is sent (127.0.0.1 on another port is the same site), so only the Origin check stands in the way.
    // The attacker's pages open in a plain tab (the fixture's page waits for our app to hydrate).
    const attacker = await page.context().newPage();
    const posted = attacker.waitForResponse((r) => r.url() === `${E2E.baseURL}/api/v1/articles` && r.request().method() === "POST");
    await attacker.goto(site.url);
    const res = await posted;
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
    expect(await res.request().headerValue("cookie")).toContain("next-auth.session-token");

    // From an opaque origin (a data: URL page): refused too (401 when the browser keeps the cookie back, else 403).
    const fromData = attacker.waitForResponse((r) => r.url() === `${E2E.baseURL}/api/v1/articles` && r.request().method() === "POST");
    await attacker.goto(`data:text/html,${encodeURIComponent(attackPage(`${E2E.baseURL}/api/v1/articles`, jsonFields(title), "text/plain"))}`);
    expect([401, 403]).toContain((await fromData).status());

    // The same request from our own origin works — the check is not simply refusing everything.
    pageHtml = "";
    expect(await articleTitles(page)).not.toContain(title);
    const same = await page.request.post("/api/v1/articles", { headers: { origin: E2E.baseURL }, data: { title: `${title}-own` } });
    expect(same.status()).toBe(201);
    const forged = await page.request.post("/api/v1/articles", { headers: { origin: "http://evil.example" }, data: { title } });
    expect(forged.status()).toBe(403);
    const noOrigin = await page.request.post("/api/v1/articles", { data: { title } });
    expect(noOrigin.status()).toBe(403);
    expect(await articleTitles(page)).toEqual(expect.arrayContaining([`${title}-own`]));
    expect(await articleTitles(page)).not.toContain(title);
  } finally {
    await site.close();
  }
});

test("a cross-origin form post to a server action (create an API token) changes nothing", async ({ page, loginAs }) => {
  await loginAs("editor");
  await page.goto("/workspace/tokens");
  // The progressive-enhancement fields React renders into the form (action id, state): what an attacker would copy.
  const form = page.locator("form").filter({ has: page.locator('input[name="name"]') }).first();
  await expect(form).toBeVisible();
  const hidden = await form.locator("input[type=hidden]").evaluateAll((els) => els.map((e) => [(e as HTMLInputElement).name, (e as HTMLInputElement).value] as [string, string]));
  expect(hidden.some(([n]) => n.startsWith("$ACTION"))).toBe(true);
  const before = ((await (await page.request.get("/api/v1/tokens")).json()) as { tokens: unknown[] }).tokens;

  const site = await otherOrigin(() => attackPage(`${E2E.baseURL}/workspace/tokens`, [...hidden, ["name", "csrf-token"]], "multipart/form-data"));
  try {
    const attacker = await page.context().newPage();
    const posted = attacker.waitForResponse((r) => r.url().startsWith(`${E2E.baseURL}/workspace/tokens`) && r.request().method() === "POST");
    await attacker.goto(site.url);
    const res = await posted;
    // Next refuses a server action whose Origin is not the host (it answers with an error page, 500 in Next 16.4).
    expect(res.status()).toBeGreaterThanOrEqual(400);
  } finally {
    await site.close();
  }
  const after = ((await (await page.request.get("/api/v1/tokens")).json()) as { tokens: unknown[] }).tokens;
  expect(JSON.stringify(after)).not.toContain("csrf-token");
  expect(after).toHaveLength(before.length);
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
  const user = await createUser("editor");
  await signInThroughForm(page, user.email, user.password);
  await expect(page).toHaveURL(/\/workspace/);
  const cookies = await context.cookies(E2E.baseURL);
  const session = cookies.find((c) => c.name === "next-auth.session-token");
  expect(session, JSON.stringify(cookies.map((c) => c.name))).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
  expect(session!.path).toBe("/");
  const csrf = cookies.find((c) => c.name.endsWith("next-auth.csrf-token"));
  if (csrf) expect(csrf.httpOnly).toBe(true);
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
});
