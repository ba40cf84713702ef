"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { unlockUserAction } from "@/app/(workspace)/workspace/admin/actions";
import { secondaryButtonClass } from "@/components/ui/styles";

/** Lifts the sign-in lock of an account that failed too often. */
export function UnlockButton({ userId }: { userId: number }) {
  const t = useTranslations("admin");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        className={`${secondaryButtonClass} px-2 py-0.5 text-xs`}
        onClick={() =>
          start(async () => {
            const r = await unlockUserAction(userId);
            setError(r.ok ? null : r.message);
            router.refresh();
          })
        }
      >
        {t("users.unlock")}
      </button>
      {error ? <span role="alert" className="text-xs text-red-700">{error}</span> : null}
    </span>
  );
}
