// Security headers on pages, the JSON API and files: no sniffing, a referrer
// policy, no framing, and a CSP that forbids plugins and <base> hijacking.
// Pages allow only their own scripts: a fresh nonce per rendered page, the
// hashes of a cached copy's inline scripts, or — a reader document, which has
// none — the site's own files alone.
import { test, expect } from "./fixtures";

const URLS = ["/", "/p/sdtp", "/p/sdtp/2017/88", "/p/sdtp/2017/88/print", "/search?q=%E6%8F%92%E8%8A%B1", "/login", "/api/v1/publications", "/p/sdtp/feed.xml"];

test("pages, the API and feeds send the security headers", async ({ request }) => {
  for (const url of URLS) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(200);
    const h = res.headers();
    expect(h["x-content-type-options"], url).toBe("nosniff");
    expect(h["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"], url).toBe("DENY");
    const csp = h["content-security-policy"] ?? "";
    expect(csp, url).toContain("frame-ancestors 'none'");
    expect(csp, url).toContain("object-src 'none'");
    expect(csp, url).toContain("base-uri 'self'");
    expect(csp, url).toContain("form-action 'self'");
    expect(h["x-powered-by"], url).toBeUndefined();
    expect(csp, url).not.toContain("unsafe-inline");
    expect(csp, url).not.toContain("unsafe-eval");
    // Scripts from the site itself, plus a rendered page's nonce or a cached copy's hashes; a reader
    // document (no inline script at all) allows 'self' alone.
    if ((h["content-type"] ?? "").startsWith("text/html")) expect(csp, url).toMatch(/script-src 'self'(?: '(?:nonce-[\w+/=]{20,}|sha256-[\w+/=]{40,})')*(?:;|$)/);
  }
});

test("a rendered page gets a new nonce each time, on its own scripts", async ({ request }) => {
  const nonces = [];
  for (let i = 0; i < 2; i++) {
    const res = await request.get("/login");
    const nonce = /'nonce-([\w+/=]+)'/.exec(res.headers()["content-security-policy"] ?? "")?.[1];
    expect(nonce).toBeTruthy();
    const html = await res.text();
    // Every inline script carries it.
    const inline = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
    expect(inline.length).toBeGreaterThan(0);
    for (const attrs of inline) expect(attrs).toContain(`nonce="${nonce}"`);
    nonces.push(nonce);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

test("no page breaks under the policy: reader, print, search, sign-in and the desks run their scripts", async ({ page, loginAs }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
  });
  // The waitForHydration fixture makes each goto wait until React has hydrated (scripts ran).
  for (const url of ["/", "/p/sdtp", "/p/sdtp/2017/88", "/p/sdtp/2017/88", "/p/sdtp/2017/88/print", "/search?q=%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9", "/login"]) {
    await page.goto(url);
  }
  await loginAs("contributor", { unit: "聊城市扶贫办" });
  await page.goto("/workspace/articles/new");
  await expect(page.locator(".ProseMirror")).toBeVisible();
  await loginAs("editor");
  for (const url of ["/workspace", "/workspace/issues", "/workspace/stats"]) await page.goto(url);
  expect(violations).toEqual([]);
});
