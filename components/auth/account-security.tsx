"use client";
// The forms of the account page (账户安全): sign out another session or all
// the others, turn two-factor off, make new recovery codes. The changes to the
// second factor ask for the password and a current code again.
import { useActionState, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage, fieldErrorOf } from "@/components/ui/form";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { buttonClass, dangerButtonClass, inputClass, secondaryButtonClass } from "@/components/ui/styles";
import { disableTwoFactorAction, endOtherSessionsAction, endSessionAction, regenerateRecoveryCodesAction } from "@/app/(workspace)/workspace/account/actions";
import type { ActionResult } from "@/app/actions/result";

function ActionError({ result }: { result: ActionResult<unknown> | null }) {
  return result && !result.ok ? (
    <span role="alert" className="text-xs text-red-700">
      {result.message}
    </span>
  ) : null;
}

export function EndSessionButton({ handle, label }: { handle: string; label: string }) {
  const t = useTranslations("accountSecurity");
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" disabled={pending} aria-label={label} className={`whitespace-nowrap ${dangerButtonClass}`} onClick={() => start(async () => setResult(await endSessionAction(handle)))}>
        {t("endSession")}
      </button>
      <ActionError result={result} />
    </span>
  );
}

/** 退出其他设备 while other sessions are live; what it did stays shown after the list has changed. */
export function EndOtherSessionsButton({ others }: { others: number }) {
  const t = useTranslations("accountSecurity");
  const [pending, start] = useTransition();
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<ActionResult<{ ended: number }> | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      {others > 0 ? (
        <ConfirmDialog
          open={open}
          onOpenChange={setOpen}
          title={t("endOthersTitle")}
          description={t("endOthersHint")}
          trigger={
            <button type="button" disabled={pending} className={dangerButtonClass}>
              {t("endOthers")}
            </button>
          }
          confirmLabel={t("endOthers")}
          pending={pending}
          onConfirm={() =>
            start(async () => {
              setResult(await endOtherSessionsAction());
              setOpen(false);
            })
          }
        />
      ) : (
        <p className="text-sm text-stone-600">{t("onlyThis")}</p>
      )}
      {result?.ok ? (
        <span role="status" className="text-sm text-green-800">
          {t("endedOthers", { count: result.data.ended })}
        </span>
      ) : (
        <ActionError result={result} />
      )}
    </div>
  );
}

/** Password and code, behind a button that opens the form. */
function ReauthFields<T>({ state }: { state: ActionResult<T> | null }) {
  const t = useTranslations("accountSecurity");
  return (
    <>
      <p className="text-sm text-stone-600">{t("reauthNote")}</p>
      <Field label={t("currentPassword")} error={fieldErrorOf(state, "password")}>
        <input name="password" type="password" autoComplete="current-password" required maxLength={200} className={inputClass} />
      </Field>
      <Field label={t("code")} error={fieldErrorOf(state, "code")}>
        <input name="code" autoComplete="one-time-code" required maxLength={50} className={inputClass} />
      </Field>
    </>
  );
}

export function DisableTwoFactorForm() {
  const t = useTranslations("accountSecurity");
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(disableTwoFactorAction, null);
  if (!open) {
    return (
      <button type="button" className={dangerButtonClass} onClick={() => setOpen(true)}>
        {t("disable")}
      </button>
    );
  }
  return (
    <form action={action} aria-label={t("disableForm")} className="max-w-sm space-y-3 rounded border border-stone-200 bg-stone-50 p-3">
      <p className="text-sm font-medium">{t("disableForm")}</p>
      <ReauthFields state={state} />
      <FormMessage state={state} />
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className={dangerButtonClass}>
          {t("disableConfirm")}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={() => setOpen(false)}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

export function RecoveryCodesForm() {
  const t = useTranslations("accountSecurity");
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(regenerateRecoveryCodesAction, null);
  if (state?.ok) {
    return (
      <div className="max-w-md space-y-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
        <p className="font-medium">{t("newCodes")}</p>
        <p className="text-amber-900">{t("newCodesNote")}</p>
        <ul aria-label={t("newCodes")} className="grid grid-cols-2 gap-1 rounded border border-stone-300 bg-white p-3 font-mono">
          {state.data.recoveryCodes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (!open) {
    return (
      <button type="button" className={secondaryButtonClass} onClick={() => setOpen(true)}>
        {t("regenerate")}
      </button>
    );
  }
  return (
    <form action={action} aria-label={t("regenerateForm")} className="max-w-sm space-y-3 rounded border border-stone-200 bg-stone-50 p-3">
      <p className="text-sm font-medium">{t("regenerateForm")}</p>
      <p className="text-sm">{t("regenerateNote")}</p>
      <ReauthFields state={state} />
      <FormMessage state={state} />
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className={buttonClass}>
          {t("regenerateConfirm")}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={() => setOpen(false)}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
