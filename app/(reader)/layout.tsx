// The reader pages: documents in the reader frame (components/reader/reader-frame.tsx),
// needing no framework script; /app and /offline add React of their own.
import type { Metadata, Viewport } from "next";
import { getTranslations } from "next-intl/server";
import { readerBrand } from "@/lib/publications/brand";
import { ReaderFrame } from "@/components/reader/reader-frame";

/** Page titles end with the publication's name (or the site's, with several); the home page is titled by the publications. */
export async function generateMetadata(): Promise<Metadata> {
  const [t, brand] = await Promise.all([getTranslations("site"), readerBrand()]);
  const name = brand.name ?? t("name");
  const home = brand.name ?? (brand.publications.length ? t("homeTitle", { names: brand.publications.slice(0, 3).join("、"), more: brand.publications.length > 3 ? "more" : "no" }) : t("name"));
  return { title: { default: home, template: `%s · ${name}` }, icons: { apple: "/icons/apple-touch-icon.png" }, appleWebApp: { capable: true, title: name } };
}

/** The installed app's title bar in the masthead red. */
export const viewport: Viewport = { themeColor: "#c00000" };

export default function ReaderLayout({ children }: { children: React.ReactNode }) {
  return <ReaderFrame>{children}</ReaderFrame>;
}
