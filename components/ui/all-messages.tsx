// Every message namespace for the client components below it (the workspace
// and the sign-in pages); the root layout gives readers' pages only the
// shared ones.
import { NextIntlClientProvider } from "next-intl";

export function AllMessages({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
