"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALE_COOKIE_OPTIONS, LOCALES } from "@/i18n/request";

export async function setLocaleAction(locale: string): Promise<{ ok: boolean }> {
  const parsed = z.enum(LOCALES).safeParse(locale);
  if (!parsed.success) return { ok: false };
  (await cookies()).set(LOCALE_COOKIE, parsed.data, LOCALE_COOKIE_OPTIONS);
  return { ok: true };
}
