// The reader's language switch as a plain link (no script): sets the same
// cookie as setLocaleAction (app/actions/locale.ts) and sends the reader back
// to the page they were on (i18n/back-to.ts), 303 so the next request is a GET.
import { NextResponse } from "next/server";
import { z } from "zod";
import { backTo } from "@/i18n/back-to";
import { LOCALE_COOKIE, LOCALE_COOKIE_OPTIONS, LOCALES } from "@/i18n/locales";

export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string }>;

export async function GET(request: Request, { params }: { params: Params }) {
  const parsed = z.enum(LOCALES).safeParse((await params).locale);
  if (!parsed.success) return new Response("Not Found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const res = new NextResponse(null, { status: 303, headers: { location: backTo(request.headers.get("referer"), host), "cache-control": "no-store" } });
  res.cookies.set(LOCALE_COOKIE, parsed.data, LOCALE_COOKIE_OPTIONS);
  return res;
}
