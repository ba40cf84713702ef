"use client";
import { useActionState, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { DeskLink } from "@/components/workspace/desk-link";
import { Field, FormMessage, fieldErrorOf } from "@/components/ui/form";
import { inputClass } from "@/components/ui/styles";
import { enableTwoFactorAction, setupTwoFactorAction } from "@/app/(auth)/two-factor/actions";

export function TwoFactorEnrolment() {
  const t = useTranslations("twoFactor");
  const [setup, setSetup] = useState<{ secret: string; qr: string } | null>(null);
  const [setupError, setSetupError] = useState<string | null>(null);
  const [starting, start] = useTransition();
  const [state, action, pending] = useActionState(enableTwoFactorAction, null);

  if (state?.ok) {
    return (
      <div className="space-y-3">
        <p className="rounded bg-green-50 px-3 py-2 text-sm text-green-800">{t("enabled")}</p>
        <p className="text-sm font-medium">{t("recoveryTitle")}</p>
        <p className="text-sm text-stone-600">{t("recoveryNote")}</p>
        <ul aria-label={t("recoveryTitle")} className="grid grid-cols-2 gap-1 rounded border border-stone-300 bg-stone-50 p-3 font-mono text-sm">
          {state.data.recoveryCodes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <DeskLink href="/workspace" className="inline-block rounded bg-stone-900 px-3 py-2 text-sm font-medium text-white">
          {t("continue")}
        </DeskLink>
      </div>
    );
  }
  if (!setup) {
    return (
      <div className="space-y-2">
        <button
          type="button"
          disabled={starting}
          className="w-full rounded bg-stone-900 px-3 py-2 font-medium text-white hover:bg-stone-700 disabled:opacity-60"
          onClick={() =>
            start(async () => {
              const r = await setupTwoFactorAction();
              if (r.ok) setSetup(r.data);
              else setSetupError(r.message);
            })
          }
        >
          {t("start")}
        </button>
        {setupError ? <p role="alert" className="text-sm text-red-700">{setupError}</p> : null}
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4">
      <p className="text-sm">{t("scan")}</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL drawn on the server */}
      <img src={setup.qr} alt={t("qrAlt")} width={220} height={220} className="rounded border border-stone-200" />
      <p className="text-sm text-stone-600">
        {t("manual")} <code data-testid="totp-secret" className="break-all rounded bg-stone-100 px-1 font-mono">{setup.secret}</code>
      </p>
      <Field label={t("code")} error={fieldErrorOf(state, "code")}>
        <input name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" required className={inputClass} />
      </Field>
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className="w-full rounded bg-stone-900 px-3 py-2 font-medium text-white hover:bg-stone-700 disabled:opacity-60">
        {t("enable")}
      </button>
    </form>
  );
}
