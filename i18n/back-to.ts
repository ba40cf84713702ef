// Where GET /lang/<locale> sends the reader after setting the language: back
// to the page the link was on. Only ever a path on this site — the host is
// never taken from the request — so the switch cannot be used to send anyone
// elsewhere.

/**
 * The path and query of `referer` when it is a page of this site (`host`, as
 * the browser asked for it), else "/". Also "/" for a path a browser would read
 * as another host (`//evil.example`) and for the switch's own URLs.
 */
export function backTo(referer: string | null, host: string | null): string {
  if (!referer || !host) return "/";
  let url: URL;
  try {
    url = new URL(referer);
  } catch {
    return "/";
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.host !== host.trim().toLowerCase()) return "/";
  const path = url.pathname;
  if (!path.startsWith("/") || path.startsWith("//") || path.includes("\\") || path === "/lang" || path.startsWith("/lang/")) return "/";
  return path + url.search;
}
