"use client";
import { useActionState, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage, ShownOnce, fieldErrorOf } from "@/components/ui/form";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { buttonClass, dangerButtonClass, inputClass } from "@/components/ui/styles";
import { createTokenAction, revokeTokenAction } from "@/app/(workspace)/workspace/tokens/actions";
import type { ActionResult } from "@/app/actions/result";

export function CreateTokenForm() {
  const t = useTranslations("tokens");
  const [state, action, pending] = useActionState(createTokenAction, null);
  return (
    <div className="mb-6 space-y-3">
      <form action={action} className="flex flex-wrap items-start gap-3 rounded border border-stone-200 bg-stone-50 p-3">
        <div className="w-72">
          <Field label={t("name")} error={fieldErrorOf(state, "name")} hint={t("nameHint")}>
            <input name="name" required maxLength={100} className={inputClass} />
          </Field>
        </div>
        <button type="submit" disabled={pending} className={`${buttonClass} mt-5`}>
          {t("create")}
        </button>
      </form>
      {state?.ok ? (
        <ShownOnce label={t("shownOnce", { name: state.data.name })} value={state.data.token} note={t("shownOnceNote")} copyLabel={t("copy")} />
      ) : (
        <FormMessage state={state} />
      )}
    </div>
  );
}

export function RevokeTokenButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations("tokens");
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  const [open, setOpen] = useState(false);
  return (
    <span className="inline-flex items-center gap-2">
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={t("revokeTitle", { name })}
        description={t("revokeHint")}
        trigger={
          <button type="button" disabled={pending} className={dangerButtonClass} aria-label={t("revokeNamed", { name })}>
            {t("revoke")}
          </button>
        }
        confirmLabel={t("revokeConfirmButton")}
        pending={pending}
        onConfirm={() =>
          start(async () => {
            setResult(await revokeTokenAction(id));
            setOpen(false);
          })
        }
      />
      {result && !result.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {result.message}
        </span>
      ) : null}
    </span>
  );
}
