// next-intl without locale routing: the locale comes from a cookie (zh-CN by default).
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "./messages";
import { requestLocale } from "./request-locale";

export { LOCALES, DEFAULT_LOCALE, LOCALE_COOKIE, LOCALE_COOKIE_OPTIONS, type Locale } from "./locales";

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: loadMessages(locale), timeZone: "Asia/Shanghai" };
});
