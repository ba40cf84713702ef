// An AppError's words for a page or a server action: in the user's language,
// the locale cookie's (zh-CN by default), as next-intl resolves it for the page
// (i18n/request.ts). The API decides from the request instead (lib/api/handler.ts,
// `localeOfRequest`).
import type { AppError } from "@/lib/errors";
import { requestLocale } from "./request-locale";

export async function localizeError(e: AppError): Promise<{ message: string; fields?: Record<string, string[]> }> {
  return e.localize(await requestLocale());
}
