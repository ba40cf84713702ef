"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocaleAction } from "@/app/actions/locale";

export function LocaleSwitcher() {
  const locale = useLocale();
  const t = useTranslations("common");
  const router = useRouter();
  const [pending, start] = useTransition();
  const other = locale === "en" ? "zh-CN" : "en";
  return (
    <button
      type="button"
      disabled={pending}
      lang={other}
      className="rounded px-1 hover:text-stone-900 disabled:opacity-50"
      onClick={() =>
        start(async () => {
          await setLocaleAction(other);
          router.refresh();
        })
      }
    >
      {t("switchLocale")}
    </button>
  );
}
