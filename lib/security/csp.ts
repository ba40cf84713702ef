// The Content-Security-Policy. Scripts: only this site's files and inline
// scripts the server vouches for — by a fresh nonce on every rendered page
// (Next puts it on its own inline scripts when proxy.ts passes it in the
// request), or, for a page served from the reader cache, by the SHA-256
// hashes of the exact inline scripts of that cached copy. Never
// 'unsafe-inline' or 'unsafe-eval' for scripts.
import { createHash, randomBytes } from "node:crypto";

/** What every response carries: no plugins, no <base> hijacking, no framing, forms post only here. */
export const BASE_CSP = "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

export function nonceCsp(nonce: string): string {
  return `script-src 'self' 'nonce-${nonce}'; ${BASE_CSP}`;
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/**
 * The policy for a fixed HTML document: its own inline scripts, by hash.
 * Given the nonce it was rendered with, only the scripts carrying that nonce
 * (Next's own) are its own: a script that text injected into the page
 * (stored XSS) is not allowed by the cached copy any more than by the render.
 */
export function hashCsp(html: string, nonce?: string): string {
  const hashes = new Set<string>();
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(m[1]!) || m[2] === "") continue;
    if (nonce !== undefined && /\bnonce="([^"]*)"/.exec(m[1]!)?.[1] !== nonce) continue;
    hashes.add(`'sha256-${createHash("sha256").update(m[2]!, "utf8").digest("base64")}'`);
  }
  return `script-src 'self'${[...hashes].map((h) => ` ${h}`).join("")}; ${BASE_CSP}`;
}
