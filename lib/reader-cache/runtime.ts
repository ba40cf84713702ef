// The process's reader cache, the reader version it is keyed by, and the
// internal render that fills it (see page-cache.ts and proxy.ts).
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { currentDbHandle, executeRows, getDb, type DbHandle } from "@/db";
import { LOCALE_COOKIE } from "@/i18n/locales";
import { isCompressible, compressBoth } from "@/lib/reader-front/encoding";
import { NotADocumentError, isHtml, toReaderDocument } from "@/lib/reader-front/document";
import { PageCache, TRANSFER_HEADERS, toCachedPage, type Rendered } from "./page-cache";

export const RENDER_HEADER = "x-cms-render";

export const READER_VERSION_CHANNEL = "cms_reader_version";

interface VersionWatch {
  /** "off" until a listener is running; "starting" while LISTEN is under way. */
  state: "off" | "starting" | "on";
  /** The version last read while listening; null when it must be read again. */
  known: string | null;
  /** Bumped by every notification: a read that started before one is not kept. */
  epoch: number;
  /** The database the watch listens to (tests may swap the process's database). */
  source: Promise<DbHandle> | undefined;
}

const state = globalThis as unknown as {
  __cmsReaderCache?: { cache: PageCache | null; secret: string; pausedUntil: number; watch: VersionWatch };
};

function runtime() {
  if (!state.__cmsReaderCache) {
    const mb = Number(process.env.CMS_PAGE_CACHE_MB ?? 64);
    state.__cmsReaderCache = {
      cache: Number.isFinite(mb) && mb > 0 ? new PageCache(mb * 1024 * 1024) : null,
      secret: randomBytes(18).toString("base64url"),
      pausedUntil: 0,
      watch: { state: "off", known: null, epoch: 0, source: undefined },
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

/**
 * The current reader version; changes at commit time with anything readers can see.
 *
 * On embedded PGlite this server is the only process that can open the data
 * directory, so every change commits here: the version is read once and then
 * kept until the database announces a change (NOTIFY cms_reader_version,
 * drizzle/0004). PGlite hands the notification over before the committing
 * statement returns, so the next request already sees the new version. On
 * PostgreSQL other instances may commit at any moment and a notification from
 * them arrives a little after their commit, so the version is read on every
 * request (one primary-key read) and each instance is exact.
 */
export async function readerVersion(): Promise<string> {
  const watch = runtime().watch;
  if (watch.source !== currentDbHandle()) Object.assign(watch, { state: "off", known: null, source: undefined });
  if (watch.state === "on" && watch.known !== null) return watch.known;
  if (watch.state === "off") void startWatching(watch);
  const epoch = watch.epoch;
  const rows = await executeRows<{ version: string }>(await getDb(), sql`select "version"::text as "version" from "reader_version" where "id" = 1`);
  const version = rows[0]?.version ?? "0";
  if (watch.state === "on" && watch.epoch === epoch) watch.known = version;
  return version;
}

/** True once reader-version changes are being listened for (embedded PGlite only). */
export function readerVersionIsWatched(): boolean {
  return runtime().watch.state === "on";
}

async function startWatching(watch: VersionWatch) {
  const source = currentDbHandle();
  if (!source) return; // the first read opens the database; watch from the next one
  Object.assign(watch, { state: "starting", source });
  try {
    const handle = await source;
    if (!handle.pglite) return; // PostgreSQL: read per request (see above); stays "starting", i.e. never trusted
    await handle.pglite.listen(READER_VERSION_CHANNEL, () => {
      watch.epoch++;
      watch.known = null;
    });
    if (watch.source !== source) return; // swapped meanwhile
    watch.epoch++; // a version read while LISTEN was under way is not trusted
    watch.known = null;
    watch.state = "on";
  } catch (e) {
    console.error("[reader-cache] cannot listen for reader-version changes; reading it per request:", e instanceof Error ? e.message : e);
  }
}

/**
 * Renders a reader URL through this very server (loopback, the port the
 * server listens on), as a reader of the given language would see it, and
 * makes it a document: a page without the framework's scripts
 * (lib/reader-front/document.ts). A response that may be cached gets its
 * compressed copies now, once.
 */
export async function renderInternally(pathAndQuery: string, locale: string): Promise<Rendered> {
  const rendered = await renderThroughNext(pathAndQuery, locale);
  // A page's notFound() comes from Next as an empty shell that React fills in
  // the browser; a document needs the words. They are the site's own 404 page
  // (app/not-found.tsx), rendered complete for an address no route matches.
  if (rendered.status === 404 && rendered.page === null && pathAndQuery !== NOT_FOUND_DOCUMENT && isEmptyShell(rendered)) {
    const words = await renderThroughNext(NOT_FOUND_DOCUMENT, locale);
    if (words.status === 404 && !isEmptyShell(words)) return { ...words, page: null };
  }
  return rendered;
}

/** An address no route matches: Next answers it with the complete 404 document. */
export const NOT_FOUND_DOCUMENT = "/_reader/not-found";
/** The root element of the shell Next sends for a page's notFound(). */
const EMPTY_SHELL = /<html\b[^>]*\bid="__next_error__"/;

function isEmptyShell(rendered: Rendered): boolean {
  const type = rendered.headers.find(([name]) => name.toLowerCase() === "content-type")?.[1];
  return isHtml(type) && EMPTY_SHELL.test(rendered.body.toString("utf8"));
}

async function renderThroughNext(pathAndQuery: string, locale: string): Promise<Rendered> {
  const port = process.env.PORT || "3000";
  const res = await fetch(`http://127.0.0.1:${port}${pathAndQuery}`, {
    headers: { [RENDER_HEADER]: runtime().secret, "accept-encoding": "identity", cookie: `${LOCALE_COOKIE}=${encodeURIComponent(locale)}` },
    redirect: "manual",
    cache: "no-store",
    signal: AbortSignal.timeout(30_000),
  });
  let body = Buffer.from(await res.arrayBuffer());
  const contentType = res.headers.get("content-type");
  let isDocument = true;
  if (isHtml(contentType)) {
    try {
      body = Buffer.from(toReaderDocument(body.toString("utf8")), "utf8");
    } catch (e) {
      if (!(e instanceof NotADocumentError)) throw e;
      // Served as Next rendered it (with its scripts, which it needs), and not kept.
      console.error(`[reader-front] ${pathAndQuery}: ${e.message}; served with the framework's scripts`);
      isDocument = false;
    }
  }
  const headers: [string, string][] = [];
  res.headers.forEach((value, name) => {
    if (!TRANSFER_HEADERS.has(name)) headers.push([name, value]);
  });
  const page = isDocument ? toCachedPage(res.status, res.headers, body) : null;
  if (page && isCompressible(contentType, body.length)) Object.assign(page, await compressBoth(body));
  return { status: res.status, headers, body, page };
}
