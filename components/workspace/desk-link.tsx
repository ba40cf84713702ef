// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- the one place next/link is used
import Link from "next/link";
import type { ComponentProps } from "react";
import { isSignedInPath } from "@/lib/security/signed-in-paths";

/**
 * The link of the desks and every signed-in page.
 *
 * - Within the signed-in app: next/link, a client-side navigation on click,
 *   without prefetching. Next prefetches each link that scrolls into view,
 *   and every page here is dynamic (per user, never cached) with no
 *   loading.tsx, so a prefetch only rendered the target's layout again: the
 *   navigation bar sent nine on every page shown, an inbox one per article.
 * - Anywhere else — the reader site (阅读站点, 刊于…), downloads: a plain
 *   <a>. Reader pages are documents without the framework (issue 17); a
 *   client-side navigation would show one inside the desk's React app,
 *   without its own script (public/reader.js) running.
 *
 * `npm run lint` keeps next/link out of app/ and components/ but here.
 */
export function DeskLink({ href, prefetch = false, replace, scroll, shallow, locale, onNavigate, ...props }: ComponentProps<typeof Link>) {
  // A relative link ("?…", "#…") stays on its signed-in page.
  if (typeof href === "string" && href.startsWith("/") && !isSignedInPath(href)) return <a href={href} {...props} />;
  return <Link href={href} prefetch={prefetch} replace={replace} scroll={scroll} shallow={shallow} locale={locale} onNavigate={onNavigate} {...props} />;
}
