// An in-process cache of whole reader responses (HTML pages, the Atom feed,
// the Word file), so a spike of readers on a new issue costs one render per
// page, not one per reader. Entries are keyed by what the response depends
// on — the path and query, the reader's language, and the reader version (a
// counter the database bumps at commit time whenever anything readers see
// changes; see drizzle/0003_reader_version.sql). A request asks the database
// for the current version (one primary-key read), so every instance of a
// multi-instance deployment serves a change from its very next request, and
// a withdrawn issue is never served from a cache. proxy.ts decides when to
// use it.
import { createHash } from "node:crypto";
import { BASE_CSP, hashCsp } from "@/lib/security/csp";

/** Reader URLs whose response depends only on the path, the query, the language and the published data. */
const CACHEABLE_PATH = /^\/(?:p\/[^/]{1,200}(?:\/feed\.xml|\/\d{1,6}\/s?\d{1,6}(?:\/print|\/issue\.docx|\/a\/\d{1,9})?)?\/?)?$/;
const MAX_QUERY = 200;
const MAX_ENTRY_BYTES = 5 * 1024 * 1024;

/** Headers that belong to one transfer, not to the content: never passed on. */
export const TRANSFER_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "date"]);

/** Headers of the rendered response that are not copied into the cached one. */
const DROPPED_HEADERS = new Set([...TRANSFER_HEADERS, "set-cookie", "cache-control", "etag", "vary", "x-cms-cache", "content-security-policy"]);

export interface CacheRequest {
  method: string;
  pathname: string;
  search: string;
  /** Request headers that matter: rsc, next-router-prefetch, next-action, accept-encoding. */
  header: (name: string) => string | null;
  locale: string;
}

/** The cache key for a request, or null when the request must be rendered as it is. */
export function cacheKeyOf(req: CacheRequest): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  // Client-side navigations and prefetches ask for React Server Component payloads, not pages.
  if (req.header("rsc") !== null || req.header("next-router-prefetch") !== null || req.header("next-action") !== null) return null;
  if (req.search.length > MAX_QUERY || req.search.includes("_rsc=")) return null;
  if (!CACHEABLE_PATH.test(req.pathname)) return null;
  return `${req.locale}\n${req.pathname}${req.search}`;
}

export interface CachedPage {
  status: number;
  headers: [string, string][];
  body: Buffer;
  etag: string;
  bytes: number;
  /** Compressed copies, made once when the page is cached (lib/reader-front/encoding.ts). */
  br?: Buffer;
  gzip?: Buffer;
}

/** Statuses kept: a page, and a withdrawn issue's notice (410, the same for every reader until the version changes). */
const CACHED_STATUSES = new Set([200, 410]);

/** Makes a cache entry from a rendered response, or null when it must not be cached (not 200/410, sets cookies, too big). */
export function toCachedPage(status: number, headers: Headers, body: Buffer): CachedPage | null {
  if (!CACHED_STATUSES.has(status) || headers.has("set-cookie") || body.length > MAX_ENTRY_BYTES) return null;
  const kept: [string, string][] = [];
  headers.forEach((value, name) => {
    if (!DROPPED_HEADERS.has(name.toLowerCase())) kept.push([name, value]);
  });
  // The render's nonce is no secret once the copy is shared: the cached copy
  // allows exactly its own inline scripts — those the render gave its nonce — by hash.
  const html = (headers.get("content-type") ?? "").startsWith("text/html");
  const nonce = /'nonce-([^']+)'/.exec(headers.get("content-security-policy") ?? "")?.[1];
  kept.push(["content-security-policy", html ? hashCsp(body.toString("utf8"), nonce) : BASE_CSP]);
  // The validator names the answer itself (status, type, bytes), not the reader version: a page no change
  // touched keeps its ETag across versions, so a kept copy (the reader app, a front cache) revalidates to 304.
  const etag = `"c${createHash("sha1").update(`${status}\n${headers.get("content-type") ?? ""}\n`).update(body).digest("base64url").slice(0, 22)}"`;
  return { status, headers: kept, body, etag, bytes: body.length + 512 };
}

/** A least-recently-used map bounded by bytes. Entries of older versions are dropped as soon as a newer version is seen. */
export class PageCache {
  private entries = new Map<string, CachedPage>();
  private bytes = 0;
  private version = "";
  private filling = new Map<string, Promise<Rendered>>();

  constructor(private readonly maxBytes: number) {}

  get size() {
    return this.entries.size;
  }

  get totalBytes() {
    return this.bytes;
  }

  /** Forgets everything cached for other versions than this one. */
  private useVersion(version: string) {
    if (version === this.version) return;
    this.version = version;
    this.entries.clear();
    this.filling.clear();
    this.bytes = 0;
  }

  get(version: string, key: string): CachedPage | undefined {
    this.useVersion(version);
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used goes last.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(version: string, key: string, page: CachedPage) {
    this.useVersion(version);
    if (page.bytes > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.bytes;
    }
    this.entries.set(key, page);
    this.bytes += page.bytes;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.bytes;
    }
  }

  /**
   * Renders a page at most once at a time per key and version: readers
   * arriving while it renders share the result (cached or not).
   */
  async fill(version: string, key: string, render: () => Promise<Rendered>): Promise<Rendered> {
    this.useVersion(version);
    const pending = this.filling.get(key);
    if (pending) return pending;
    const promise = render()
      .then((rendered) => {
        if (rendered.page && this.version === version) this.set(version, key, rendered.page);
        return rendered;
      })
      .finally(() => {
        if (this.filling.get(key) === promise) this.filling.delete(key);
      });
    this.filling.set(key, promise);
    return promise;
  }
}

/** A response as rendered, and its cache entry when it may be cached. */
export interface Rendered {
  status: number;
  headers: [string, string][];
  body: Buffer;
  page: CachedPage | null;
}

/** Whether the client already has this entry (If-None-Match). */
export function isNotModified(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === etag || t.trim() === "*");
}
