// The process's reader cache, the reader version it is keyed by, and the
// internal render that fills it (see page-cache.ts and proxy.ts).
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { executeRows, getDb } from "@/db";
import { LOCALE_COOKIE } from "@/i18n/locales";
import { PageCache, TRANSFER_HEADERS, toCachedPage, type Rendered } from "./page-cache";

export const RENDER_HEADER = "x-cms-render";

const state = globalThis as unknown as { __cmsReaderCache?: { cache: PageCache | null; secret: string; pausedUntil: number } };

function runtime() {
  if (!state.__cmsReaderCache) {
    const mb = Number(process.env.CMS_PAGE_CACHE_MB ?? 64);
    state.__cmsReaderCache = {
      cache: Number.isFinite(mb) && mb > 0 ? new PageCache(mb * 1024 * 1024) : null,
      secret: randomBytes(18).toString("base64url"),
      pausedUntil: 0,
    };
  }
  return state.__cmsReaderCache;
}

/** The process's cache, or null when CMS_PAGE_CACHE_MB=0 turns it off or it is paused. */
export function readerCache(): PageCache | null {
  const r = runtime();
  return Date.now() < r.pausedUntil ? null : r.cache;
}

/** After a failure (the loopback render unreachable, the database down), pages are rendered per request for a while. */
export function pauseReaderCache(ms: number) {
  runtime().pausedUntil = Date.now() + ms;
}

/** True for the cache's own render request (which must not be answered from the cache). */
export function isInternalRender(headerValue: string | null): boolean {
  return headerValue !== null && headerValue === runtime().secret;
}

/** The current reader version; changes at commit time with anything readers can see. */
export async function readerVersion(): Promise<string> {
  const rows = await executeRows<{ version: string }>(await getDb(), sql`select "version"::text as "version" from "reader_version" where "id" = 1`);
  return rows[0]?.version ?? "0";
}

/**
 * Renders a reader URL through this very server (loopback, the port `next
 * start` listens on), as a reader of the given language would see it.
 */
export async function renderInternally(pathAndQuery: string, locale: string, version: string): Promise<Rendered> {
  const port = process.env.PORT || "3000";
  const res = await fetch(`http://127.0.0.1:${port}${pathAndQuery}`, {
    headers: { [RENDER_HEADER]: runtime().secret, "accept-encoding": "identity", cookie: `${LOCALE_COOKIE}=${encodeURIComponent(locale)}` },
    redirect: "manual",
    cache: "no-store",
    signal: AbortSignal.timeout(30_000),
  });
  const body = Buffer.from(await res.arrayBuffer());
  const headers: [string, string][] = [];
  res.headers.forEach((value, name) => {
    if (!TRANSFER_HEADERS.has(name)) headers.push([name, value]);
  });
  return { status: res.status, headers, body, page: toCachedPage(res.status, res.headers, body, version) };
}
