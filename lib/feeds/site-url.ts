// Absolute links for feeds and the sitemap: NEXTAUTH_URL when it is set (the
// public address in production), otherwise the address the request came to.
export function siteOrigin(headers: Pick<Headers, "get">, fallback = "http://localhost:3000"): string {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // fall through to the request's own address
    }
  }
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!host || !/^[\w.-]+(:\d+)?$/.test(host)) return fallback;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return `${proto}://${host}`;
}
