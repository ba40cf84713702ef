// The front of the server process (scripts/serve.ts): reader pages are
// answered here, before Next's routing, from the reader cache — already
// compressed, with ETag/304 — and everything else (the workspace, the API,
// files, client-side navigations, a miss's render) goes to Next untouched.
//
// A reader page is a document (document.ts): Next renders it once per reader
// version, the front removes the framework's scripts, compresses it with
// brotli and gzip and keeps it. A request costs the reader-version check
// (see readerVersionNow) and a map lookup.
import type { IncomingMessage, ServerResponse } from "node:http";
import { chosenLocaleCookie, localeOf } from "@/i18n/locales";
import { cacheKeyOf, isNotModified, type CachedPage, type Rendered } from "@/lib/reader-cache/page-cache";
import {
  RENDER_HEADER,
  isInternalRender,
  pauseReaderCache,
  readerCache,
  readerVersion,
  readerVersionIsWatched,
  renderInternally,
} from "@/lib/reader-cache/runtime";
import { chooseEncoding, compressOnce, isCompressible, type Encoding } from "./encoding";
import { FreshRead } from "./fresh-read";

export type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** Reader pages that are documents but never cached: their answers depend on a free-text query. */
const UNCACHED_DOCUMENT = /^\/search\/?$/;
const MAX_UNCACHED_QUERY = 1000;

/** What the front does with a request: answer it itself, or hand it to Next. */
export function documentRoute(
  method: string | undefined,
  url: string | undefined,
  header: (name: string) => string | undefined,
): { pathname: string; search: string; locale: string; key: string | null } | null {
  if ((method !== "GET" && method !== "HEAD") || !url || !url.startsWith("/")) return null;
  if (isInternalRender(header(RENDER_HEADER) ?? null)) return null;
  const q = url.indexOf("?");
  const pathname = q < 0 ? url : url.slice(0, q);
  const search = q < 0 ? "" : url.slice(q);
  const locale = localeOf(chosenLocaleCookie(header("cookie")));
  const key = cacheKeyOf({ method, pathname, search, locale, header: (name) => header(name) ?? null });
  if (key) return { pathname, search, locale, key };
  const clientNavigation = header("rsc") !== undefined || header("next-router-prefetch") !== undefined || header("next-action") !== undefined;
  if (UNCACHED_DOCUMENT.test(pathname) && !clientNavigation && search.length <= MAX_UNCACHED_QUERY) return { pathname, search, locale, key: null };
  return null;
}

/**
 * The reader version for a request that has just arrived. Embedded PGlite
 * announces every change before the committing statement returns, so the
 * version it keeps is exact. On PostgreSQL other instances commit at any
 * time: the version is read, but one read serves every request that arrived
 * while the previous one ran (fresh-read.ts), so each request gets a value
 * read after it arrived, at one round trip per batch, not per request.
 */
const freshVersion = new FreshRead(() => readerVersion());
function readerVersionNow(): Promise<string> {
  return readerVersionIsWatched() ? readerVersion() : freshVersion.get();
}

/**
 * The request listener. `ready` settles once Next has started the app (its
 * instrumentation migrates the database on the first request it handles):
 * reader requests wait for it, everything else goes to Next, which waits itself.
 */
export function createReaderFront(next: NextHandler, ready: Promise<unknown>) {
  let started = false;
  void ready.finally(() => (started = true));
  return function front(req: IncomingMessage, res: ServerResponse): void {
    const route = documentRoute(req.method, req.url, (name) => headerOf(req, name));
    if (!route) {
      void next(req, res);
      return;
    }
    (started ? answer(req, res, route) : ready.then(() => answer(req, res, route), () => answer(req, res, route))).catch((e: unknown) => {
      pauseReaderCache(10_000);
      console.error("[reader-front] reader cache paused for 10 s:", e instanceof Error ? e.message : e);
      if (!res.headersSent) void next(req, res);
      else res.destroy();
    });
  };
}

async function answer(req: IncomingMessage, res: ServerResponse, route: { pathname: string; search: string; locale: string; key: string | null }) {
  const version = await readerVersionNow();
  const cache = route.key ? readerCache() : null;
  const hit = cache?.get(version, route.key!);
  if (hit) return sendCached(req, res, hit, "hit");
  const render = () => renderInternally(route.pathname + route.search, route.locale);
  const rendered = cache ? await cache.fill(version, route.key!, render) : await render();
  if (rendered.page) {
    // With the cache off (CMS_PAGE_CACHE_MB=0) or paused, the same bytes, made for this request.
    return sendCached(req, res, rendered.page, cache ? "miss" : "bypass");
  }
  return sendRendered(req, res, rendered);
}

/** The suffix that marks a compressed copy's ETag. */
const ENCODING_SUFFIX = /-(?:br|gz)"/g;

type How = "hit" | "miss" | "bypass";

/** The headers of a cached page's answers, made once per entry, encoding and outcome: a hit costs no header building. */
interface AnswerHeaders {
  ok: Record<string, string>;
  notModified: Record<string, string>;
}
const answerHeaders = new WeakMap<CachedPage, Map<string, AnswerHeaders>>();

function headersFor(page: CachedPage, encoding: Encoding, how: How): AnswerHeaders {
  let byKind = answerHeaders.get(page);
  if (!byKind) answerHeaders.set(page, (byKind = new Map()));
  const kind = `${encoding} ${how}`;
  let made = byKind.get(kind);
  if (made) return made;
  const common: Record<string, string> = {};
  for (const [name, value] of page.headers) common[name] = value;
  // Browsers and shared caches may keep it but must ask again each time; the ETag makes that a 304.
  common["cache-control"] = "public, max-age=0, must-revalidate";
  common.etag = encoding === "identity" ? page.etag : `${page.etag.slice(0, -1)}-${encoding === "br" ? "br" : "gz"}"`;
  common.vary = "Cookie, Accept-Encoding";
  common["x-cms-cache"] = how;
  const notModified = { ...common };
  delete notModified["content-type"];
  delete notModified["content-disposition"];
  const ok: Record<string, string> = { ...common, "content-length": String(bodyFor(page, encoding).length) };
  if (encoding !== "identity") ok["content-encoding"] = encoding;
  made = { ok, notModified };
  byKind.set(kind, made);
  return made;
}

function bodyFor(page: CachedPage, encoding: Encoding): Buffer {
  return encoding === "br" ? page.br! : encoding === "gzip" ? page.gzip! : page.body;
}

function sendCached(req: IncomingMessage, res: ServerResponse, page: CachedPage, how: How) {
  const encoding = chooseEncoding(headerOf(req, "accept-encoding"), { br: Boolean(page.br), gzip: Boolean(page.gzip) });
  const headers = headersFor(page, encoding, how);
  // A validator of any encoding of this page names the same document: 304, with the validator for this encoding.
  if (isNotModified(headerOf(req, "if-none-match")?.replace(ENCODING_SUFFIX, '"') ?? null, page.etag)) {
    res.writeHead(304, headers.notModified);
    res.end();
    return;
  }
  res.writeHead(page.status, headers.ok);
  res.end(req.method === "HEAD" ? undefined : bodyFor(page, encoding));
}

/** A response that is not kept (a 404, search results), compressed for this request only. */
async function sendRendered(req: IncomingMessage, res: ServerResponse, rendered: Rendered) {
  const headers: Record<string, string> = {};
  for (const [name, value] of rendered.headers) headers[name] = value;
  headers["x-cms-cache"] = "bypass";
  let body = rendered.body;
  const encoding: Encoding = isCompressible(headers["content-type"], body.length) ? chooseEncoding(headerOf(req, "accept-encoding"), { br: true, gzip: true }) : "identity";
  if (encoding !== "identity") {
    body = await compressOnce(body, encoding);
    headers["content-encoding"] = encoding;
    headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : "Accept-Encoding";
  }
  headers["content-length"] = String(body.length);
  res.writeHead(rendered.status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}
