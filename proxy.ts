// Before a page renders:
// - give it a fresh script nonce for its Content-Security-Policy (Next puts
//   the nonce from the request's policy on its own inline scripts);
// - rewrite a withdrawn issue's reader URLs to the notice handler, which
//   answers 410 Gone (a page cannot set that status). The pages still show
//   the notice themselves if this check is skipped, so nothing depends on it
//   for safety.
// Reader pages are answered before this, by the front in the server process
// (lib/reader-front/front.ts), from its cache; what reaches here is its render
// of a miss, or everything else.
import { NextResponse, type NextRequest } from "next/server";
import { newNonce, nonceCsp } from "@/lib/security/csp";
import { issueNumberSegment } from "@/lib/issues/issue-path";
import { issueRefOfPath, isIssueWithdrawn } from "@/lib/issues/reader-gone";

export async function proxy(request: NextRequest) {
  // A server action posted from another origin: Next refuses it too, but answers 500; say 403.
  if (request.method === "POST" && request.headers.has("next-action") && isForeignOrigin(request)) {
    return NextResponse.json({ error: { code: "forbidden", message: "跨站请求被拒绝" } }, { status: 403 });
  }
  if (request.method !== "GET" && request.method !== "HEAD") return withNonce(request);
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

export const config = {
  // Every page (the reader cache picks its own URLs); not the API, files or build assets.
  matcher: ["/((?!api/|_next/|media/|favicon\\.ico).*)"],
};
