"use client";
import { useTranslations } from "next-intl";
import { secondaryButtonClass } from "@/components/ui/styles";

/** The error state of the admin, statistics and token pages (a Next error boundary). */
export function ErrorState({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("admin.error");
  return (
    <div role="alert" className="rounded border border-red-200 bg-red-50 p-4 text-sm text-red-900">
      <p className="font-medium">{t("title")}</p>
      <p className="mt-1">{t("body", { digest: error.digest ?? "—" })}</p>
      <button type="button" onClick={reset} className={`${secondaryButtonClass} mt-3`}>
        {t("retry")}
      </button>
    </div>
  );
}
