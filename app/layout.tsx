import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { HydrationMarker } from "@/components/ui/hydration-marker";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("site");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("description") };
}

/**
 * The messages client components can use everywhere. Reader pages only have
 * the language switcher; the workspace and the sign-in pages add every
 * namespace with a provider of their own (components/ui/all-messages.tsx), so
 * readers' pages do not carry the whole workspace's texts.
 */
const SHARED_CLIENT_NAMESPACES = ["common"] as const;

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const all = await getMessages();
  const messages = Object.fromEntries(SHARED_CLIENT_NAMESPACES.map((ns) => [ns, all[ns]]));
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-stone-50 font-sans text-stone-900 antialiased">
        <NextIntlClientProvider messages={messages}>
          {children}
          <HydrationMarker />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
