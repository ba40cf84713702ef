// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- the one place next/link is used
import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * next/link for the desks and every signed-in page: a client-side navigation
 * on click, without prefetching. Next prefetches each link that scrolls into
 * view, and every page here is dynamic (per user, never cached), so a
 * prefetch bought nothing but a server render of the target's layout: the
 * desk's navigation bar alone sent nine on every page shown, an inbox one per
 * article. An end-to-end run made ≈ 2,200 of them against ≈ 1,300 page loads.
 * `npm run lint` keeps next/link out of app/ and components/ but here.
 */
export function DeskLink({ prefetch = false, ...props }: ComponentProps<typeof Link>) {
  return <Link prefetch={prefetch} {...props} />;
}
