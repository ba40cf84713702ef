// The desks' language of this request: the locale cookie, zh-CN by default.
// One rule for next-intl's request config and for error messages of server
// actions (which then need nothing of next-intl's server runtime).
import { cookies } from "next/headers";
import { LOCALE_COOKIE, localeOf, type Locale } from "./locales";

export async function requestLocale(): Promise<Locale> {
  return localeOf((await cookies()).get(LOCALE_COOKIE)?.value);
}
