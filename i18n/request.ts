// next-intl without locale routing: the locale comes from a cookie (zh-CN by default).
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, localeOf } from "./locales";
import { loadMessages } from "./messages";

export { LOCALES, DEFAULT_LOCALE, LOCALE_COOKIE, type Locale } from "./locales";

export default getRequestConfig(async () => {
  const locale = localeOf((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: loadMessages(locale), timeZone: "Asia/Shanghai" };
});
