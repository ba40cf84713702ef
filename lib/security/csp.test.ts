import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { BASE_CSP, hashCsp, newNonce, nonceCsp } from "./csp";

const sha = (s: string) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`;

describe("Content-Security-Policy", () => {
  it("a nonce policy names the nonce and never unsafe-inline", () => {
    const nonce = newNonce();
    expect(nonce).not.toBe(newNonce());
    expect(nonceCsp(nonce)).toBe(`script-src 'self' 'nonce-${nonce}'; ${BASE_CSP}`);
  });

  it("a cached page's policy lists exactly its inline scripts by hash, not external ones", () => {
    const html = `<html><head><script src="/_next/static/a.js" async=""></script><script nonce="x">self.__next_f=[]</script></head>
      <body><script>self.__next_f.push([1,"简报"])</script><SCRIPT type="application/ld+json">{"a":1}</SCRIPT><script></script></body></html>`;
    const csp = hashCsp(html);
    expect(csp).toBe(`script-src 'self' ${sha("self.__next_f=[]")} ${sha('self.__next_f.push([1,"简报"])')} ${sha('{"a":1}')}; ${BASE_CSP}`);
    expect(csp).not.toContain("unsafe");
    expect(hashCsp("<p>no scripts</p>")).toBe(`script-src 'self'; ${BASE_CSP}`);
  });

  it("given the render's nonce, lists only the scripts that carry it: not one injected into the page", () => {
    const html = `<script nonce="n0">self.__next_f=[]</script><p>标题<script>__xss()</script></p><script nonce="other">__xss()</script>`;
    expect(hashCsp(html, "n0")).toBe(`script-src 'self' ${sha("self.__next_f=[]")}; ${BASE_CSP}`);
    expect(hashCsp(html)).toContain(sha("__xss()"));
  });
});
