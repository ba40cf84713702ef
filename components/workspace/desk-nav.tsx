"use client";
import { usePathname } from "next/navigation";
import { DeskLink } from "./desk-link";
import { currentHref } from "./current-href";

export interface DeskNavLink {
  href: string;
  label: string;
}

/**
 * The workspace menu, with the page one is on marked (aria-current="page")
 * and shown (currentHref).
 */
export function DeskNav({ links, label }: { links: DeskNavLink[]; label: string }) {
  const pathname = usePathname();
  const current = currentHref(
    links.map((l) => l.href),
    pathname,
  );
  return (
    // On a phone the menu wraps whole items (工作台, 采用统计), never inside a word.
    <nav aria-label={label} className="flex flex-wrap gap-1 px-2 pb-3 text-sm sm:flex-col sm:flex-nowrap">
      {links.map((l) => (
        <DeskLink
          key={l.href}
          href={l.href}
          aria-current={l.href === current ? "page" : undefined}
          className={`rounded px-3 py-2 whitespace-nowrap ${l.href === current ? "bg-stone-900 text-white" : "hover:bg-stone-100"}`}
        >
          {l.label}
        </DeskLink>
      ))}
    </nav>
  );
}
