import { describe, expect, it } from "vitest";
import { hashCsp } from "@/lib/security/csp";
import { PageCache, cacheKeyOf, isNotModified, toCachedPage, type CachedPage, type Rendered } from "./page-cache";

const req = (pathname: string, over: Partial<{ method: string; search: string; headers: Record<string, string>; locale: string }> = {}) => ({
  method: over.method ?? "GET",
  pathname,
  search: over.search ?? "",
  locale: over.locale ?? "zh-CN",
  header: (name: string) => over.headers?.[name] ?? null,
});

const html = (text: string) => toCachedPage(200, new Headers({ "content-type": "text/html; charset=utf-8" }), Buffer.from(text))!;

describe("cacheKeyOf", () => {
  it("caches the reader pages, the feed and the Word file, per language and query", () => {
    for (const p of ["/", "/p/sdtp", "/p/sdtp/", "/p/sdtp/feed.xml", "/p/sdtp/2017/88", "/p/sdtp/2017/88/print", "/p/sdtp/2017/88/a/3", "/p/sdtp/2017/88/issue.docx", "/p/sdtp/2017/s1", "/p/sdtp/2017/s1/print", "/p/sdtp/2017/s1/a/3", "/p/sdtp/2017/s1/issue.docx"]) {
      expect(cacheKeyOf(req(p)), p).not.toBeNull();
    }
    expect(cacheKeyOf(req("/p/sdtp/2017/88", { locale: "en" }))).not.toBe(cacheKeyOf(req("/p/sdtp/2017/88")));
    expect(cacheKeyOf(req("/p/sdtp", { search: "?year=2017" }))).not.toBe(cacheKeyOf(req("/p/sdtp")));
    expect(cacheKeyOf(req("/p/sdtp/2017/88", { method: "HEAD" }))).toBe(cacheKeyOf(req("/p/sdtp/2017/88")));
  });

  it("never caches the workspace, the API, search, other methods or client-side navigations", () => {
    for (const p of ["/workspace", "/api/v1/publications", "/search", "/login", "/media/1", "/p/sdtp/2017/88/x", "/p/sdtp/2017/S1", "/p/sdtp/2017/s", "/p/sdtp/2017/1s", "/sitemap.xml"]) {
      expect(cacheKeyOf(req(p)), p).toBeNull();
    }
    expect(cacheKeyOf(req("/p/sdtp/2017/88", { method: "POST" }))).toBeNull();
    expect(cacheKeyOf(req("/p/sdtp/2017/88", { headers: { rsc: "1" } }))).toBeNull();
    expect(cacheKeyOf(req("/p/sdtp/2017/88", { headers: { "next-router-prefetch": "1" } }))).toBeNull();
    expect(cacheKeyOf(req("/p/sdtp/2017/88", { search: "?_rsc=abc" }))).toBeNull();
    expect(cacheKeyOf(req("/p/sdtp", { search: "?q=" + "x".repeat(300) }))).toBeNull();
  });
});

describe("toCachedPage", () => {
  it("keeps only 200 and 410 responses without cookies, drops per-response headers, pins scripts by hash", () => {
    expect(toCachedPage(404, new Headers(), Buffer.from("no"))).toBeNull();
    expect(toCachedPage(500, new Headers(), Buffer.from("no"))).toBeNull();
    expect(toCachedPage(410, new Headers({ "content-type": "text/html" }), Buffer.from("gone"))?.status).toBe(410);
    expect(toCachedPage(200, new Headers({ "set-cookie": "a=b" }), Buffer.from("x"))).toBeNull();
    const page = toCachedPage(
      200,
      new Headers({ "content-type": "text/html", "cache-control": "private, no-store", date: "x", "x-frame-options": "DENY", "content-security-policy": "script-src 'nonce-abc'" }),
      Buffer.from("简报".repeat(1000) + `<script nonce="abc">go()</script>`),
    )!;
    expect(page.headers).toEqual([
      ["content-type", "text/html"],
      ["x-frame-options", "DENY"],
      ["content-security-policy", hashCsp("<script>go()</script>")],
    ]);
    expect(page.etag).toMatch(/^"c[\w-]{22}"$/);
    // The same answer under another reader version: the same validator; another status or other bytes: another.
    const again = (status: number, text: string) => toCachedPage(status, new Headers({ "content-type": "text/html" }), Buffer.from(text))!.etag;
    expect(again(200, "简报")).toBe(again(200, "简报"));
    expect(again(410, "简报")).not.toBe(again(200, "简报"));
    expect(again(200, "简报。")).not.toBe(again(200, "简报"));
  });

  it("pins only the scripts the render gave its nonce: a script injected into the page is not allowed", () => {
    const body = `<script nonce="abc">self.__next_f=[]</script><h1>标题<script>__xss()</script></h1>`;
    const page = toCachedPage(200, new Headers({ "content-type": "text/html", "content-security-policy": "script-src 'self' 'nonce-abc'" }), Buffer.from(body))!;
    expect(page.headers).toContainEqual(["content-security-policy", hashCsp("<script>self.__next_f=[]</script>")]);
  });
});

describe("PageCache", () => {
  it("forgets every entry when the reader version changes", () => {
    const cache = new PageCache(1 << 20);
    cache.set("1", "a", html("one"));
    expect(cache.get("1", "a")).toBeDefined();
    expect(cache.get("2", "a")).toBeUndefined();
    expect(cache.get("1", "a")).toBeUndefined();
    expect(cache.totalBytes).toBe(0);
  });

  it("stays within its byte budget, evicting the least recently used", () => {
    const one = html("x".repeat(400));
    const cache = new PageCache(one.bytes * 3);
    cache.set("1", "a", one);
    cache.set("1", "b", html("x".repeat(400)));
    cache.set("1", "c", html("x".repeat(400)));
    cache.get("1", "a");
    cache.set("1", "d", html("x".repeat(400)));
    expect(cache.get("1", "b")).toBeUndefined();
    expect(cache.get("1", "a")).toBeDefined();
    expect(cache.size).toBe(3);
    expect(cache.totalBytes).toBeLessThanOrEqual(one.bytes * 3);
  });

  it("renders once for readers arriving together, and shares uncacheable answers without keeping them", async () => {
    const cache = new PageCache(1 << 20);
    let renders = 0;
    const render = async (): Promise<Rendered> => {
      renders++;
      await new Promise((r) => setTimeout(r, 20));
      const page = html("issue");
      return { status: 200, headers: page.headers, body: page.body, page };
    };
    const results = await Promise.all(Array.from({ length: 50 }, () => cache.fill("1", "k", render)));
    expect(renders).toBe(1);
    expect(new Set(results.map((r) => r.page as CachedPage)).size).toBe(1);
    expect(cache.get("1", "k")).toBeDefined();

    const missing = async (): Promise<Rendered> => ({ status: 404, headers: [], body: Buffer.from("not found"), page: null });
    expect((await cache.fill("1", "gone", missing)).status).toBe(404);
    expect(cache.get("1", "gone")).toBeUndefined();
  });

  it("does not keep a page rendered for a version that has since changed", async () => {
    const cache = new PageCache(1 << 20);
    const slow = cache.fill("1", "k", async () => {
      await new Promise((r) => setTimeout(r, 20));
      const page = html("old");
      return { status: 200, headers: [], body: page.body, page };
    });
    cache.get("2", "other");
    await slow;
    expect(cache.get("2", "k")).toBeUndefined();
  });
});

describe("conditional requests", () => {
  it("answers If-None-Match", () => {
    expect(isNotModified('"r1-abc"', '"r1-abc"')).toBe(true);
    expect(isNotModified('W/"r1-abc", "x"', '"r1-abc"')).toBe(true);
    expect(isNotModified('"r0-abc"', '"r1-abc"')).toBe(false);
    expect(isNotModified(null, '"r1-abc"')).toBe(false);
  });
});
