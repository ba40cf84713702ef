// Early checks before a page renders. Only one today: a withdrawn issue's
// reader URLs are rewritten to the notice handler, which answers 410 Gone
// (a page cannot set that status). The pages still show the notice
// themselves if this check is skipped, so nothing depends on it for safety.
import { NextResponse, type NextRequest } from "next/server";
import { issueRefOfPath, isIssueWithdrawn } from "@/lib/issues/reader-gone";

export async function proxy(request: NextRequest) {
  if (request.method !== "GET" && request.method !== "HEAD") return NextResponse.next();
  const ref = issueRefOfPath(request.nextUrl.pathname);
  if (!ref) return NextResponse.next();
  try {
    if (await isIssueWithdrawn(ref)) {
      const url = request.nextUrl.clone();
      url.pathname = `/withdrawn-notice/${encodeURIComponent(ref.slug)}/${ref.year}/${ref.number}`;
      url.search = "";
      return NextResponse.rewrite(url);
    }
  } catch (e) {
    console.error("[proxy] withdrawn check failed:", e instanceof Error ? e.message : e);
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/p/:slug/:year/:number", "/p/:slug/:year/:number/print", "/p/:slug/:year/:number/a/:id"],
};
