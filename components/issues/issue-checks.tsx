// 发布前检查: one list, on the editor's board and the signer's desk. Warnings
// (e.g. a year that differs from the date's) are shown but never block: the
// checks still pass with them.
import { useTranslations } from "next-intl";
import type { IssueCheck } from "@/lib/issues/checks";

export function IssueChecks({
  checks,
  messages,
  className = "",
  children,
}: {
  checks: IssueCheck[];
  /** The board says "ready to publish"; the desk only that the checks pass. */
  messages: "issues.checks" | "signoff.checks";
  className?: string;
  /** What follows the list inside the same section (the board's actions). */
  children?: React.ReactNode;
}) {
  const t = useTranslations(messages);
  return (
    <section aria-label={t("title")} className={`rounded border border-stone-200 bg-white p-4 text-sm ${className}`}>
      <h2 className="mb-2 font-semibold">{t("title")}</h2>
      {checks.every((c) => c.severity === "warning") && (
        <p className="text-green-800" data-testid="checks-ok">
          ✓ {t("ok")}
        </p>
      )}
      {checks.length > 0 && (
        <ul className="list-disc space-y-1 pl-5 text-amber-900" data-testid="checks-problems">
          {checks.map((c, i) => (
            <li key={i} data-severity={c.severity ?? "error"}>
              {c.severity === "warning" && <span className="font-medium">{t("warning")}</span>}
              {c.message}
            </li>
          ))}
        </ul>
      )}
      {children}
    </section>
  );
}
