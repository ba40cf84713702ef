import { describe, expect, it } from "vitest";
import { chosenLocaleCookie, localeFromAcceptLanguage, localeOfRequest } from "./locales";

describe("the language of an API answer", () => {
  it("takes the supported language Accept-Language prefers, Chinese otherwise", () => {
    expect(localeFromAcceptLanguage("en")).toBe("en");
    expect(localeFromAcceptLanguage("en-GB,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR,en;q=0.5,zh;q=0.8")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("fr, de")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("zh-TW")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("en;q=0, zh")).toBe("zh-CN");
    expect(localeFromAcceptLanguage(null)).toBe("zh-CN");
  });

  it("lets the desks' language cookie win, and keeps a signed-in browser in the desks' language", () => {
    const req = (h: Record<string, string>) => localeOfRequest(new Headers(h));
    expect(req({ "accept-language": "en" })).toBe("en");
    expect(req({ "accept-language": "en", cookie: "locale=zh-CN" })).toBe("zh-CN");
    expect(req({ "accept-language": "zh", cookie: "a=1; locale=en" })).toBe("en");
    expect(req({ "accept-language": "en-US", cookie: "next-auth.session-token=x" })).toBe("zh-CN");
    expect(req({ "accept-language": "en-US", cookie: "other=1" })).toBe("en");
  });
});

describe("the locale cookie in a Cookie header", () => {
  it("is read wherever it stands, decoded, and only under its own name", () => {
    expect(chosenLocaleCookie("locale=en")).toBe("en");
    expect(chosenLocaleCookie("a=1; locale=zh-CN; b=2")).toBe("zh-CN");
    expect(chosenLocaleCookie("xlocale=en")).toBeUndefined();
    expect(chosenLocaleCookie(undefined)).toBeUndefined();
  });

  it("is ignored when malformed, so an API answer falls back to Accept-Language instead of failing", () => {
    expect(chosenLocaleCookie("locale=%E0%A4%A")).toBeUndefined();
    expect(localeOfRequest(new Headers({ cookie: "locale=%E0%A4%A", "accept-language": "en" }))).toBe("en");
  });
});
