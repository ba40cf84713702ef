// Security headers on pages, the JSON API and files: no sniffing, a referrer
// policy, no framing, and a CSP that forbids plugins and <base> hijacking.
// (A nonce-based script-src is not in place yet: see the README's notes.)
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
  }
});
