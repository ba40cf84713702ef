"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

const KNOWN_ERRORS = ["unauthorized", "rate_limited", "locked", "invalid", "otp_required"] as const;

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // The code field appears once the server asks for it (two-factor on for the account).
  const [askOtp, setAskOtp] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      otp: String(form.get("otp") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      const code = (KNOWN_ERRORS as readonly string[]).includes(result?.error ?? "") ? result!.error! : "unauthorized";
      if (code === "otp_required") setAskOtp(true);
      setError(t(`errors.${code as (typeof KNOWN_ERRORS)[number]}`));
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <label className="block text-sm">
        <span className="mb-1 block font-medium">{t("email")}</span>
        <input name="email" type="email" autoComplete="username" required className="w-full rounded border border-stone-300 px-3 py-2" />
      </label>
      <label className="block text-sm">
        <span className="mb-1 block font-medium">{t("password")}</span>
        <input name="password" type="password" autoComplete="current-password" required className="w-full rounded border border-stone-300 px-3 py-2" />
      </label>
      {askOtp && (
        <label className="block text-sm">
          <span className="mb-1 block font-medium">{t("otp")}</span>
          <input name="otp" inputMode="numeric" autoComplete="one-time-code" autoFocus className="w-full rounded border border-stone-300 px-3 py-2" />
        </label>
      )}
      {error && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending} className="w-full rounded bg-stone-900 px-3 py-2 font-medium text-white hover:bg-stone-700 disabled:opacity-60">
        {pending ? t("signingIn") : t("signIn")}
      </button>
    </form>
  );
}
