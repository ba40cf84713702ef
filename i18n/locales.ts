// The languages of the interface; the reader's choice lives in a cookie.
export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export const LOCALE_COOKIE = "locale";
/** How the language choice is kept: a year, for the whole site, sent on top-level navigations from other sites. */
export const LOCALE_COOKIE_OPTIONS = { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 } as const;

/** The `locale` cookie's value in a Cookie header. */
const LOCALE_COOKIE_VALUE = /(?:^|;\s*)locale=([^;]*)/;

/** The language a Cookie header chooses (the `locale` cookie, decoded), or undefined when it chooses none or is malformed. */
export function chosenLocaleCookie(cookies: string | null | undefined): string | undefined {
  const raw = cookies ? LOCALE_COOKIE_VALUE.exec(cookies)?.[1] : undefined;
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** The locale a cookie value names, or the default. */
export function localeOf(value: string | undefined): Locale {
  return (LOCALES as readonly string[]).includes(value ?? "") ? (value as Locale) : DEFAULT_LOCALE;
}

/** The supported locale an `Accept-Language` header prefers (by q-value, then order), or the default. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  const ranges = (header ?? "")
    .split(",")
    .map((part, i) => {
      const [tag = "", ...rest] = part.trim().split(";");
      const q = Number(rest.find((p) => p.trim().startsWith("q="))?.trim().slice(2) ?? 1);
      return { tag: tag.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranges) {
    if (tag === "*") return DEFAULT_LOCALE;
    if (tag === "zh" || tag.startsWith("zh-")) return "zh-CN";
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return DEFAULT_LOCALE;
}

/**
 * The language of an answer to an HTTP request that is not a page (the API's
 * errors): the `locale` cookie the desks and reader set when there is one;
 * else, from a browser signed in to the desks (session cookie), the desks'
 * default, as the pages around it show; else — an API client with a token,
 * or none — the `Accept-Language` header.
 */
export function localeOfRequest(headers: Headers): Locale {
  const cookies = headers.get("cookie") ?? "";
  const chosen = chosenLocaleCookie(cookies);
  if (chosen !== undefined) return localeOf(chosen);
  if (/(?:^|;\s*)(?:__Secure-)?next-auth\.session-token=/.test(cookies)) return DEFAULT_LOCALE;
  return localeFromAcceptLanguage(headers.get("accept-language"));
}
