"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALES } from "@/i18n/request";

export async function setLocaleAction(locale: string): Promise<{ ok: boolean }> {
  const parsed = z.enum(LOCALES).safeParse(locale);
  if (!parsed.success) return { ok: false };
  (await cookies()).set(LOCALE_COOKIE, parsed.data, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  return { ok: true };
}
