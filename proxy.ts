// Before a page renders:
// - give it a fresh script nonce for its Content-Security-Policy (Next puts
//   the nonce from the request's policy on its own inline scripts);
// - answer from the reader cache (lib/reader-cache) when the page was already
//   rendered at the current reader version — the whole cost of a spike of
//   readers is then one primary-key read per request;
// - rewrite a withdrawn issue's reader URLs to the notice handler, which
//   answers 410 Gone (a page cannot set that status). The pages still show
//   the notice themselves if this check is skipped, so nothing depends on it
//   for safety.
import { NextResponse, type NextRequest } from "next/server";
import { newNonce, nonceCsp } from "@/lib/security/csp";
import { LOCALE_COOKIE, localeOf } from "@/i18n/locales";
import { issueNumberSegment } from "@/lib/issues/issue-path";
import { issueRefOfPath, isIssueWithdrawn } from "@/lib/issues/reader-gone";
import { cacheKeyOf, isNotModified, type CachedPage, type Rendered } from "@/lib/reader-cache/page-cache";
import { RENDER_HEADER, isInternalRender, pauseReaderCache, readerCache, readerVersion, renderInternally } from "@/lib/reader-cache/runtime";

export async function proxy(request: NextRequest) {
  // A server action posted from another origin: Next refuses it too, but answers 500; say 403.
  if (request.method === "POST" && request.headers.has("next-action") && isForeignOrigin(request)) {
    return NextResponse.json({ error: { code: "forbidden", message: "跨站请求被拒绝" } }, { status: 403 });
  }
  if (request.method !== "GET" && request.method !== "HEAD") return withNonce(request);
  const cache = readerCache();
  if (cache && !isInternalRender(request.headers.get(RENDER_HEADER))) {
    const locale = localeOf(request.cookies.get(LOCALE_COOKIE)?.value);
    const { pathname, search } = request.nextUrl;
    const key = cacheKeyOf({ method: request.method, pathname, search, locale, header: (name) => request.headers.get(name) });
    if (key) {
      try {
        const version = await readerVersion();
        const hit = cache.get(version, key);
        if (hit) return fromCache(request, hit, "hit");
        const gone = await withdrawnRewrite(request);
        if (gone) return gone;
        const rendered = await cache.fill(version, key, () => renderInternally(pathname + search, locale, version));
        return rendered.page ? fromCache(request, rendered.page, "miss") : replay(request, rendered);
      } catch (e) {
        pauseReaderCache(10_000);
        console.error("[proxy] reader cache paused for 10 s:", e instanceof Error ? e.message : e);
      }
    }
  }
  return (await withdrawnRewrite(request)) ?? withNonce(request);
}

/** Renders the page with a fresh nonce, in the request (for Next) and in the response's policy. */
function withNonce(request: NextRequest): NextResponse {
  const csp = nonceCsp(newNonce());
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

/** The Origin names another host than this request's (Next's own check: `x-forwarded-host`, else `host`). */
function isForeignOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false; // not sent by a browser on its own; Next lets these through as well
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return origin === "null" || new URL(origin).host !== host;
  } catch {
    return true;
  }
}

async function withdrawnRewrite(request: NextRequest): Promise<NextResponse | null> {
  const ref = issueRefOfPath(request.nextUrl.pathname);
  if (!ref) return null;
  try {
    if (!(await isIssueWithdrawn(ref))) return null;
  } catch (e) {
    console.error("[proxy] withdrawn check failed:", e instanceof Error ? e.message : e);
    return null;
  }
  const url = request.nextUrl.clone();
  url.pathname = `/withdrawn-notice/${encodeURIComponent(ref.slug)}/${ref.year}/${issueNumberSegment(ref)}`;
  url.search = "";
  const response = NextResponse.rewrite(url);
  response.headers.set("content-security-policy", nonceCsp(newNonce()));
  return response;
}

function fromCache(request: NextRequest, page: CachedPage, how: "hit" | "miss"): NextResponse {
  const headers = new Headers(page.headers);
  // Browsers and shared caches may keep it but must ask again each time; the ETag makes that a 304.
  headers.set("cache-control", "public, max-age=0, must-revalidate");
  headers.set("etag", page.etag);
  headers.set("vary", "Cookie, Accept-Encoding");
  headers.set("x-cms-cache", how);
  if (isNotModified(request.headers.get("if-none-match"), page.etag)) {
    for (const name of ["content-type", "content-disposition"]) headers.delete(name);
    return new NextResponse(null, { status: 304, headers });
  }
  // Compressed on the way out by the server (gzip), like every other response.
  return new NextResponse(request.method === "HEAD" ? null : (page.body as unknown as BodyInit), { status: page.status, headers });
}

/** A response that may not be cached (a 404, say), answered as rendered. */
function replay(request: NextRequest, rendered: Rendered): NextResponse {
  const headers = new Headers(rendered.headers);
  headers.set("x-cms-cache", "bypass");
  return new NextResponse(request.method === "HEAD" ? null : (rendered.body as unknown as BodyInit), { status: rendered.status, headers });
}

export const config = {
  // Every page (the reader cache picks its own URLs); not the API, files or build assets.
  matcher: ["/((?!api/|_next/|media/|favicon\\.ico).*)"],
};
