"use client";
import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Field, FormMessage, fieldErrorOf } from "@/components/ui/form";
import { inputClass } from "@/components/ui/styles";
import { changePasswordAction } from "@/app/(auth)/change-password/actions";

/** `oneTime`: the current password is the one an administrator gave, and the field says so. */
export function ChangePasswordForm({ oneTime }: { oneTime: boolean }) {
  const t = useTranslations("account");
  const router = useRouter();
  const [state, action, pending] = useActionState(changePasswordAction, null);
  useEffect(() => {
    if (state?.ok) {
      router.push("/workspace");
      router.refresh();
    }
  }, [state, router]);
  return (
    <form action={action} className="space-y-4">
      <Field label={t(oneTime ? "currentOneTime" : "current")} error={fieldErrorOf(state, "current")}>
        <input name="current" type="password" autoComplete="current-password" required className={inputClass} />
      </Field>
      <Field label={t("new")} error={fieldErrorOf(state, "password")} hint={t("newHint")}>
        <input name="password" type="password" autoComplete="new-password" required minLength={8} className={inputClass} />
      </Field>
      <Field label={t("confirm")} error={fieldErrorOf(state, "confirm")}>
        <input name="confirm" type="password" autoComplete="new-password" required className={inputClass} />
      </Field>
      <FormMessage state={state} success={t("done")} />
      <button type="submit" disabled={pending} className="w-full rounded bg-stone-900 px-3 py-2 font-medium text-white hover:bg-stone-700 disabled:opacity-60">
        {pending ? t("saving") : t("submit")}
      </button>
    </form>
  );
}
