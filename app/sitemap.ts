import type { MetadataRoute } from "next";
import { headers } from "next/headers";
import { sitemapEntries } from "@/lib/feeds/feeds";
import { siteOrigin } from "@/lib/feeds/site-url";

export const dynamic = "force-dynamic";

/** Home, each publication's archive and every published issue. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = siteOrigin(await headers());
  const entries = await sitemapEntries();
  return [{ url: `${origin}/` }, ...entries.map((e) => ({ url: `${origin}${e.path}`, lastModified: e.lastModified }))];
}
