// /manifest.webmanifest: the installable reader app (客户端). Named after the
// publication (or the site, with several), in the masthead red, standalone,
// with the icons drawn in public/icons. Next links it from every page.
import type { MetadataRoute } from "next";
import { getTranslations } from "next-intl/server";
import { readerBrand } from "@/lib/publications/brand";

export const dynamic = "force-dynamic";

export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const [t, brand] = await Promise.all([getTranslations("site"), readerBrand()]);
  const name = brand.name ?? t("name");
  return {
    id: "/",
    name,
    short_name: name.length > 6 ? t("appShortName") : name,
    description: t("appDescription"),
    lang: "zh-CN",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#c00000",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
