import type { MetadataRoute } from "next";
import { headers } from "next/headers";
import { siteOrigin } from "@/lib/feeds/site-url";

export const dynamic = "force-dynamic";

/** Readers' pages are open to crawlers; desks, sign-in, the API and search results are not. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  const origin = siteOrigin(await headers());
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/workspace", "/api/", "/login", "/setup", "/search", "/change-password"] },
    sitemap: `${origin}/sitemap.xml`,
  };
}
