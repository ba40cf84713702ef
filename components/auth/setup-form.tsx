"use client";
import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/app/actions/result";
import { createFirstAdminAction } from "@/app/actions/setup";

export function SetupForm() {
  const t = useTranslations("setup");
  const router = useRouter();
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(createFirstAdminAction, null);
  useEffect(() => {
    if (state?.ok) router.push("/login");
  }, [state, router]);
  const fieldError = (name: string) =>
    state && !state.ok && state.fieldErrors?.[name]?.[0] ? <span className="mt-1 block text-xs text-red-700">{state.fieldErrors[name]![0]}</span> : null;
  return (
    <form action={action} className="space-y-4">
      {(["name", "email", "password"] as const).map((name) => (
        <label key={name} className="block text-sm">
          <span className="mb-1 block font-medium">{t(name)}</span>
          <input
            name={name}
            type={name === "password" ? "password" : name === "email" ? "email" : "text"}
            autoComplete={name === "password" ? "new-password" : name === "email" ? "username" : "name"}
            required
            className="w-full rounded border border-stone-300 px-3 py-2"
          />
          {fieldError(name)}
        </label>
      ))}
      {state && !state.ok && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
      <button type="submit" disabled={pending} className="w-full rounded bg-stone-900 px-3 py-2 font-medium text-white disabled:opacity-60">
        {t("submit")}
      </button>
    </form>
  );
}
