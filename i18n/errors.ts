// An AppError's words for a page or a server action: in the user's language as
// next-intl resolves it (the locale cookie, zh-CN by default). The API decides
// from the request instead (lib/api/handler.ts, `localeOfRequest`).
import { getLocale } from "next-intl/server";
import type { AppError } from "@/lib/errors";
import { localeOf } from "./locales";

export async function localizeError(e: AppError): Promise<{ message: string; fields?: Record<string, string[]> }> {
  return e.localize(localeOf(await getLocale()));
}
