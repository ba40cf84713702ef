// The reader app's texts for its client components (the reader pages carry
// only the shared namespaces otherwise; see app/layout.tsx).
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

export async function ReaderAppMessages({ children }: { children: React.ReactNode }) {
  const all = await getMessages();
  return <NextIntlClientProvider messages={{ common: all.common, readerApp: all.readerApp }}>{children}</NextIntlClientProvider>;
}
