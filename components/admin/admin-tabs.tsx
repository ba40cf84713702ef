"use client";
import { DeskLink } from "@/components/workspace/desk-link";
import { usePathname } from "next/navigation";
import { currentHref } from "@/components/workspace/current-href";

/** The administration sections, with the current one marked. */
export function AdminTabs({ label, tabs }: { label: string; tabs: { href: string; label: string }[] }) {
  const current = currentHref(
    tabs.map((t) => t.href),
    usePathname(),
  );
  return (
    // A tab's name never breaks (审计日志, not 审计日/志); on a narrow phone the tabs wrap whole.
    <nav aria-label={label} className="mb-6 flex flex-wrap gap-1 border-b border-stone-200 text-sm">
      {tabs.map((tab) => (
        <DeskLink
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 whitespace-nowrap ${tab.href === current ? "border-stone-900 font-medium text-stone-900" : "border-transparent text-stone-600 hover:text-stone-900"}`}
        >
          {tab.label}
        </DeskLink>
      ))}
    </nav>
  );
}
